# One image per process: docker build --build-arg SERVICE=Capaciteit .   (the gateway: --build-arg SERVICE=Gateway --build-arg HOST=Jbk.Gateway)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG SERVICE
ARG HOST=Jbk.${SERVICE}.Host
WORKDIR /src
COPY . .
RUN dotnet publish services/${SERVICE}/${HOST}/${HOST}.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
ARG SERVICE
ARG HOST=Jbk.${SERVICE}.Host
ENV JBK_DLL=${HOST}.dll \
    Jbk__ListenAddress=0.0.0.0 \
    Jbk__GrpcPort=8080 \
    Jbk__HttpPort=8081
WORKDIR /app
COPY --from=build /app .
# Numeric, so the kubelet can verify runAsNonRoot (the image's 'app' user is 1654).
USER 1654:1654
EXPOSE 8080 8081
ENTRYPOINT ["sh", "-c", "exec dotnet \"$JBK_DLL\""]
