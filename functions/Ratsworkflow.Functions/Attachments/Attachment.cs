namespace Ratsworkflow.Functions.Attachments;

/// <summary>An Anlage as the motion record lists it; the content is a blob <c>{motionId}/{Id}</c>.</summary>
/// <param name="Id">Its position, 1-based, stable for the motion's lifetime.</param>
/// <param name="Sha256">Hex digest of the content, so a clerk can prove which file was submitted.</param>
public sealed record Attachment(int Id, string FileName, long Length, string Sha256);

/// <summary>A file as it arrived with a submission, before it is checked and stored.</summary>
public sealed record AttachmentUpload(string? FileName, byte[] Content)
{
    /// <summary>
    /// Reads at most one byte past <see cref="AttachmentOptions.MaxBytes"/>: enough for the rules to say "too large",
    /// and an oversized file is never held in memory whole.
    /// </summary>
    public static async Task<AttachmentUpload> ReadAsync(IFormFile file, AttachmentOptions options, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream();
        var buffer = new byte[Math.Min(file.Length, options.MaxBytes + 1)];
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return new AttachmentUpload(file.FileName, read == buffer.Length ? buffer : buffer[..read]);
    }
}
