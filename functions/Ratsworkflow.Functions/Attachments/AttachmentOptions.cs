namespace Ratsworkflow.Functions.Attachments;

/// <summary>Configuration section <c>Attachments</c>: the Anlagen a faction may add to a motion (docs/design.md §1).</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>Largest accepted file; docs/design.md: 10 MB.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How many files one motion may carry; a form is not an archive.</summary>
    public int MaxCount { get; set; } = 5;

    public string ContainerName { get; set; } = "attachments";

    /// <summary>The largest request a submission with attachments may be: every file at its limit plus the texts.</summary>
    public long MaxRequestBytes => MaxCount * MaxBytes + 1024 * 1024;
}
