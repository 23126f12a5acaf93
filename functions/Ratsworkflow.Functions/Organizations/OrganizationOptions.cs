namespace Ratsworkflow.Functions.Organizations;

/// <summary>Configuration section <c>Organizations</c>.</summary>
public sealed class OrganizationOptions
{
    public const string Section = "Organizations";

    public string TableName { get; set; } = "organizations";

    /// <summary>How long a loaded catalog is used before it is read again, so an edit in the table shows up soon without a restart.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The file written into an empty table; default: the shipped sample.</summary>
    public string? SeedFile { get; set; }
}
