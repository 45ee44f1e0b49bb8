# One image per service: docker build --build-arg SERVICE=Capaciteit .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN dotnet publish services/${SERVICE}/Jbk.${SERVICE}.Host/Jbk.${SERVICE}.Host.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
ARG SERVICE
ENV JBK_DLL=Jbk.${SERVICE}.Host.dll \
    Jbk__ListenAddress=0.0.0.0 \
    Jbk__GrpcPort=8080 \
    Jbk__HttpPort=8081
WORKDIR /app
COPY --from=build /app .
USER app
EXPOSE 8080 8081
ENTRYPOINT ["sh", "-c", "exec dotnet \"$JBK_DLL\""]
