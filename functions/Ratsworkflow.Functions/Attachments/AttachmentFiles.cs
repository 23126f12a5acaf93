using Microsoft.AspNetCore.Mvc;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Attachments;

/// <summary>
/// The download of an Anlage, for the clerk API and for the pages whose link already proves the reader may see the
/// motion (a Beirat member's vote link, the faction's status link). GET only reads; the file is never rendered as our page.
/// </summary>
public static class AttachmentFiles
{
    /// <summary>The file and its content, or null when the motion has no such Anlage (or its blob is gone).</summary>
    public static async Task<(Attachment Attachment, Stream Content)?> OpenAsync(AttachmentStore store, MotionRecord motion, int id,
        HttpResponse response, CancellationToken cancellationToken)
    {
        if (motion.Attachments.FirstOrDefault(a => a.Id == id) is not { } attachment
            || await store.OpenAsync(motion.MotionId, id, cancellationToken) is not { } content)
        {
            return null;
        }
        // A PDF from outside is shown by the reader, never by the browser as our page (it could carry script).
        response.Headers.ContentSecurityPolicy = "sandbox";
        return (attachment, content);
    }

    public static async Task<IActionResult> DownloadAsync(AttachmentStore store, MotionRecord motion, int id, HttpResponse response,
        CancellationToken cancellationToken) =>
        await OpenAsync(store, motion, id, response, cancellationToken) is { } file
            ? new FileStreamResult(file.Content, "application/pdf") { FileDownloadName = file.Attachment.FileName }
            : new NotFoundResult();
}
