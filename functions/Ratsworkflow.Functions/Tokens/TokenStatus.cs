namespace Ratsworkflow.Functions.Tokens;

public enum TokenStatus
{
    Valid,

    /// <summary>Never issued, altered, truncated, or issued for another purpose: deliberately one answer for all.</summary>
    Unknown,

    Expired,

    /// <summary>A single-use token that was already consumed.</summary>
    Used,

    /// <summary>Its group was closed, e.g. the voting round ended.</summary>
    Closed,
}
