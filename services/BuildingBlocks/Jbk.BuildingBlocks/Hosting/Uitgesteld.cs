using Microsoft.Extensions.DependencyInjection;

namespace Jbk.BuildingBlocks.Hosting;

/// <summary>
/// A scoped service taken from the call's scope only when it is first used. A gRPC service class is built for every call
/// with all its dependencies; renting a DbContext for a call that answers from memory (the RvdK's availability question)
/// and handing it back cost a twentieth of that call.
/// </summary>
public sealed class Uitgesteld<T>(IServiceProvider scope) where T : notnull
{
    private T? _waarde;

    public T Waarde => _waarde ??= scope.GetRequiredService<T>();
}
