using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Ratsworkflow.Functions.Attachments;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Api;

/// <summary><c>GET /api/motions/{id}/attachments/{n}</c> (clerk): the stored PDF, as a download, never rendered inline.</summary>
public static class AttachmentDownload
{
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetAsync(string motionId, string attachmentId,
        MotionStore motions, AttachmentStore attachments, HttpResponse response, CancellationToken ct)
    {
        var motion = await motions.GetAsync(motionId, ct);
        var attachment = int.TryParse(attachmentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? motion?.Attachments.FirstOrDefault(a => a.Id == id)
            : null;
        if (attachment is null || await attachments.OpenAsync(motionId, attachment.Id, ct) is not { } content)
        {
            return ApiProblems.Problem(404, "Diese Anlage gibt es nicht.");
        }
        // A PDF from outside is shown by the reader, never by the browser as our page (it could carry script).
        response.Headers["Content-Security-Policy"] = "sandbox";
        return TypedResults.File(content, "application/pdf", attachment.FileName);
    }
}
