using Ratsworkflow.Functions.Input;


namespace Ratsworkflow.Functions.Attachments;

/// <summary>
/// What an Anlage must be: a PDF by its content (the name and the browser's content type can say anything), not
/// empty, within the size limit, and a harmless file name for the download.
/// </summary>
public static class AttachmentRules
{
    public const string Field = "attachments";
    private const int MaxFileNameLength = 120;

    public static void Validate(IReadOnlyList<AttachmentUpload> uploads, AttachmentOptions options, FieldErrors errors)
    {
        if (uploads.Count > options.MaxCount)
        {
            errors.Add(Field, $"Bitte fügen Sie höchstens {options.MaxCount} Anlagen bei.");
        }
        foreach (var upload in uploads)
        {
            var name = SafeFileName(upload.FileName);
            if (upload.Content.Length == 0)
            {
                errors.Add(Field, $"Die Anlage „{name}“ ist leer.");
            }
            else if (upload.Content.Length > options.MaxBytes)
            {
                errors.Add(Field, $"Die Anlage „{name}“ ist zu groß (höchstens {options.MaxBytes / (1024 * 1024)} MB).");
            }
            else if (!IsPdf(upload.Content))
            {
                errors.Add(Field, $"Die Anlage „{name}“ ist keine PDF-Datei. Bitte fügen Sie nur PDF-Dateien bei.");
            }
        }
    }

    /// <summary>PDF readers accept the <c>%PDF-</c> header anywhere in the first 1024 bytes (ISO 32000-1, Annex H).</summary>
    public static bool IsPdf(ReadOnlySpan<byte> content) =>
        content[..Math.Min(content.Length, 1024)].IndexOf("%PDF-"u8) >= 0;

    /// <summary>
    /// The last path segment without control, text-direction or reserved characters, ending in .pdf: it goes into a
    /// Content-Disposition header and onto pages, so nothing in it may act as syntax.
    /// </summary>
    public static string SafeFileName(string? fileName)
    {
        var last = (fileName ?? "").Replace('\\', '/').Split('/').Last();
        var cleaned = new string(last.Where(c => !char.IsControl(c) && !InputText.IsBidiControl(c, withMarks: true)
            && c is not ('"' or '<' or '>' or ':' or '*' or '?' or '|' or ';')).ToArray()).Trim(' ', '.');
        if (cleaned.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            cleaned = cleaned[..^4].TrimEnd(' ', '.');
        }
        if (cleaned.Length == 0)
        {
            cleaned = "Anlage";
        }
        return (cleaned.Length > MaxFileNameLength ? cleaned[..MaxFileNameLength] : cleaned) + ".pdf";
    }
}
