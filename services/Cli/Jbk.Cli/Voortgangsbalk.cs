namespace Jbk.Cli;

/// <summary>A progress bar on standard error, so standard output stays clean for scripts (and silent with --json).</summary>
internal sealed class Voortgangsbalk(string wat, int totaal, bool stil)
{
    private const int Breedte = 30;
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private string _laatste = "";
    private int _laatsteTiende = -1;

    public void Toon(int gedaan) => Toon(gedaan, "");

    public void Toon(int gedaan, string toelichting)
    {
        if (stil) return;
        var deel = totaal == 0 ? 1 : Math.Clamp((double)gedaan / totaal, 0, 1);
        var vol = (int)Math.Round(deel * Breedte);
        var regel = $"{wat} [{new string('#', vol)}{new string('.', Breedte - vol)}] {gedaan}/{totaal} {toelichting}";
        if (regel == _laatste) return;
        _laatste = regel;
        if (_terminal) Console.Error.Write($"\r{regel.PadRight(110)}");
        else if ((int)(deel * 10) != _laatsteTiende) // in a log file: a line per tenth, not per step
        {
            _laatsteTiende = (int)(deel * 10);
            Console.Error.WriteLine(regel);
        }
    }

    public void Klaar()
    {
        if (!stil && _terminal) Console.Error.WriteLine();
    }
}
