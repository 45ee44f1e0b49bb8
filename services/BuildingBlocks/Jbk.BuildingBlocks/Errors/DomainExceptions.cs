namespace Jbk.BuildingBlocks.Errors;

/// <summary>
/// A refusal in the domain's words. Services throw these; <see cref="DomainErrorInterceptor"/> turns them into
/// the gRPC status a client can act on. Messages name the problem and never contain personal data.
/// </summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>The request itself is wrong (INVALID_ARGUMENT): a missing field, an impossible date, a bad BSN.</summary>
public sealed class OngeldigeInvoerException(string veld, string message) : DomainException(message)
{
    public string Veld { get; } = veld;
}

/// <summary>Something the request names does not exist (NOT_FOUND).</summary>
public sealed class NietGevondenException(string soort, string id, string? message = null)
    : DomainException(message ?? $"{soort} '{id}' bestaat niet.")
{
    public string Soort { get; } = soort;
    public string Id { get; } = id;
}

/// <summary>A rule of the domain forbids this step now (FAILED_PRECONDITION). <see cref="Regel"/> names the rule.</summary>
public sealed class RegelGeschondenException(string regel, string message) : DomainException(message)
{
    public string Regel { get; } = regel;
}

/// <summary>The caller's organisation may not see or do this (PERMISSION_DENIED).</summary>
public sealed class GeenToegangException(string message) : DomainException(message);

/// <summary>The same thing already exists (ALREADY_EXISTS).</summary>
public sealed class BestaatAlException(string message) : DomainException(message);

/// <summary>Someone else changed the same thing at the same moment (ABORTED): read again and retry.</summary>
public sealed class GelijktijdigGewijzigdException(string message) : DomainException(message);

/// <summary>
/// The same idempotency key (or id chosen by the caller) sent again with a different request: a mistake, said so
/// (FAILED_PRECONDITION, rule IdempotentieSleutelHergebruikt), never answered with what the first request got.
/// </summary>
public static class SleutelHergebruikt
{
    public const string Regel = "IdempotentieSleutelHergebruikt";

    public static RegelGeschondenException Voor(string sleutel, string wat) =>
        new(Regel, $"Deze {sleutel} is al gebruikt voor een ander verzoek ({wat}); kies een nieuwe voor een nieuw verzoek.");
}
