using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Ratsworkflow.Functions.Attachments;
using Ratsworkflow.Functions.Submission;

namespace Ratsworkflow.Functions.Api;

/// <summary>
/// <c>POST /api/motions</c> as a form (multipart with Anlagen, or urlencoded): the JSON fields under the same names,
/// <c>consultations</c> repeated in order, files under <c>attachments</c>. Every way the form can be wrong gets a
/// German problem; the files are checked by <see cref="AttachmentRules"/> with the other fields.
/// </summary>
public static class MultipartSubmission
{
    public static async Task<(MotionSubmission? Submission, IReadOnlyList<AttachmentUpload> Files, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, AttachmentOptions options, CancellationToken cancellationToken)
    {
        var tooLarge = ApiProblems.Problem(413,
            $"Die Anfrage ist zu groß. Anlagen dürfen je höchstens {options.MaxBytes / (1024 * 1024)} MB groß sein, " +
            $"höchstens {options.MaxCount} Stück.");
        if (request.ContentLength > options.MaxRequestBytes)
        {
            return (null, [], tooLarge);
        }
        // Kestrel's default (30 MB) is below what the configured Anlagen may add up to.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxRequestBytes;
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions
            {
                MultipartBodyLengthLimit = options.MaxRequestBytes,
                ValueLengthLimit = (int)JsonBody.MaxBytes,
                ValueCountLimit = 100,
            }, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, [], tooLarge);
        }
        catch (InvalidDataException)
        {
            return (null, [], ApiProblems.Problem(400, "Das Formular ist ungültig (fehlerhafter multipart-Inhalt oder zu viele Felder)."));
        }
        if (form.Files.FirstOrDefault(f => f.Name != AttachmentRules.Field) is { } stray)
        {
            return (null, [], ApiProblems.Problem(400,
                $"Unbekanntes Dateifeld „{stray.Name}“; Anlagen gehören in das Feld „{AttachmentRules.Field}“."));
        }
        if (!TryReadBool(form["beiratReview"], out var beiratReview))
        {
            const string detail = "Das Feld „beiratReview“ muss „true“ oder „false“ sein.";
            return (null, [], ApiProblems.Problem(400, detail, new Dictionary<string, string[]> { ["beiratReview"] = [detail] }));
        }
        var submission = new MotionSubmission(
            form["factionId"], form["submitterName"], form["submitterEmail"], form["title"], form["resolutionText"],
            form["justification"], form["financialImpact"], beiratReview, form["consultations"].ToList());
        var files = new List<AttachmentUpload>();
        foreach (var file in form.Files)
        {
            files.Add(await AttachmentUpload.ReadAsync(file, options, cancellationToken));
        }
        return (submission, files, null);
    }

    /// <summary>Absent means no; a checkbox sends "on".</summary>
    private static bool TryReadBool(Microsoft.Extensions.Primitives.StringValues values, out bool value)
    {
        var text = values.ToString().Trim();
        value = text is "on" || bool.TryParse(text, out var parsed) && parsed;
        return text.Length == 0 || text == "on" || bool.TryParse(text, out _);
    }
}
