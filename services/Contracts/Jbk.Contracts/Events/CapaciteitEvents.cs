namespace Jbk.Contracts.Events;

/// <summary>A GI's certificate was registered, extended or withdrawn. Others may cache the certificate gate from these.</summary>
public sealed record CertificaatGewijzigd(string GiCode, string Soort, DateOnly Van, DateOnly Tot, DateOnly? IngetrokkenOp, string Wijziging)
    : IntegrationEvent
{
    public override string Volgorde => $"certificaat:{GiCode}";
}
