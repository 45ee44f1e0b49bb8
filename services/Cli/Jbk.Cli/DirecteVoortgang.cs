namespace Jbk.Cli;

/// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; posts to the thread pool and may print after the result).</summary>
internal sealed class DirecteVoortgang<T>(Action<T> toon) : IProgress<T>
{
    public void Report(T value) => toon(value);
}
