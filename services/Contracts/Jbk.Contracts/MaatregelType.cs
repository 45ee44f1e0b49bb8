namespace Jbk.Contracts;

/// <summary>The kinds of measure, as every service speaks of them (the proto enum is the wire form).</summary>
public enum MaatregelType
{
    Ots = 1,
    VoorlopigeOts = 2,
    Muhp = 3,
    Voogdij = 4,
    VoorlopigeVoogdij = 5,
    Jeugdreclassering = 6,
}

public static class MaatregelTypeMapping
{
    public static Common.V1.MaatregelType ToProto(this MaatregelType type) => (Common.V1.MaatregelType)(int)type;

    /// <summary>Null for UNSPECIFIED or an unknown number, so the caller can name the missing field.</summary>
    public static MaatregelType? FromProto(Common.V1.MaatregelType type) =>
        Enum.IsDefined((MaatregelType)(int)type) ? (MaatregelType)(int)type : null;
}
