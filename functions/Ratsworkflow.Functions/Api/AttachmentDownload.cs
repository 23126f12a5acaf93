using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Ratsworkflow.Functions.Attachments;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Api;

/// <summary><c>GET /api/motions/{id}/attachments/{n}</c> (clerk): the stored PDF, as a download.</summary>
public static class AttachmentDownload
{
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetAsync(string motionId, string attachmentId,
        MotionStore motions, AttachmentStore attachments, HttpResponse response, CancellationToken ct)
    {
        var file = int.TryParse(attachmentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && await motions.GetAsync(motionId, ct) is { } motion
                ? await AttachmentFiles.OpenAsync(attachments, motion, id, response, ct)
                : null;
        return file is { } found
            ? TypedResults.File(found.Content, "application/pdf", found.Attachment.FileName)
            : ApiProblems.Problem(404, "Diese Anlage gibt es nicht.");
    }
}
