using Microsoft.AspNetCore.Mvc;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Attachments;

/// <summary>
/// The download of an Anlage for the pages whose link already proves the reader may see the motion (a Beirat
/// member's vote link, the faction's status link). GET only reads; the file is never rendered as our page.
/// </summary>
public static class AttachmentFiles
{
    public static async Task<IActionResult> DownloadAsync(AttachmentStore store, MotionRecord motion, int id, HttpResponse response, CancellationToken cancellationToken)
    {
        if (motion.Attachments.FirstOrDefault(a => a.Id == id) is not { } attachment
            || await store.OpenAsync(motion.MotionId, id, cancellationToken) is not { } content)
        {
            return new NotFoundResult();
        }
        response.Headers.ContentSecurityPolicy = "sandbox";
        return new FileStreamResult(content, "application/pdf") { FileDownloadName = attachment.FileName };
    }
}
