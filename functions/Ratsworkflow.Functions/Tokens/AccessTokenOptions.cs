namespace Ratsworkflow.Functions.Tokens;

/// <summary>Configuration section <c>Tokens</c>.</summary>
public sealed class AccessTokenOptions
{
    public const string Section = "Tokens";

    /// <summary>Tests give each run its own table.</summary>
    public string TableName { get; set; } = "AccessTokens";
}
