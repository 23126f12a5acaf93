using Ratsworkflow.Functions.Periodic;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Submission;

/// <summary>
/// Housekeeping on every timer tick: submissions nobody confirmed within <c>Workflow:ConfirmationExpiry</c> never
/// became binding, so the faction is told and the personal data is deleted. Reads one index partition, not every motion.
/// </summary>
public sealed class ConfirmationExpiry(SubmissionService submissions, MotionIndex index) : IPeriodicWork
{
    public Task RunAsync(CancellationToken cancellationToken) => submissions.ExpireUnconfirmedAsync(index, cancellationToken);
}
