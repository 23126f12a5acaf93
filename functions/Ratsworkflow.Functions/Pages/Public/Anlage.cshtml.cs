using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ratsworkflow.Functions.Attachments;
using Ratsworkflow.Functions.OParl;

namespace Ratsworkflow.Functions.Pages.Public;

/// <summary>
/// <c>/antraege/{id}/anlagen/{n}</c>: an Anlage of a registered motion, for everyone (the public page and OParl link
/// it). The same download as the clerks' and the faction's; a motion that is not yet binding has none to show.
/// </summary>
public sealed class AnlageModel(OParlService service, AttachmentStore attachments) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string id, int n, CancellationToken cancellationToken) =>
        await service.PublicRecordAsync(id, cancellationToken) is { } record
            ? await AttachmentFiles.DownloadAsync(attachments, record, n, Response, cancellationToken)
            : NotFound();
}
