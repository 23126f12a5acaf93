using Ratsworkflow.Functions.Email;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Wording;

namespace Ratsworkflow.Functions.Workflow.Steps;

/// <summary>The confirmed motion becomes binding: it gets its reference and the faction and clerks are told.</summary>
public sealed class RegisterMotion(WorkflowServices services) : MotionStep<RegisterMotionInput, RegisteredMotion>
{
    protected override async Task<RegisteredMotion> RunAsync(StepContext step, RegisterMotionInput input)
    {
        var (motion, catalog) = await services.LoadAsync(step);
        var motionId = step.MotionId;
        var reference = (await services.References.AssignAsync(motionId, catalog.Body.ReferencePrefix)).ToString();
        var beirat = motion.BeiratReview ? catalog.AdvisoryBoard : null;
        var registered = motion with
        {
            Reference = reference,
            Stage = MotionStage.Registered,
            RegisteredAt = motion.RegisteredAt ?? services.Now,
            Status = "Registriert",
            WaitingFor = beirat?.Name ?? "Ratsbüro",
            ResolutionTexts = motion.ResolutionTexts.Count > 0 ? motion.ResolutionTexts : [new(1, motion.ResolutionText)],
        };
        await services.SaveAsync(step, motion, registered, services.Entry("registered", WorkflowSentences.Registered(reference)));

        var consultations = registered.RequestedConsultations.Select(catalog.NameOf).Append(catalog.Council.Name).ToList();
        var summary = WorkflowServices.Summary(registered, catalog);
        var statusLink = await services.StatusLinkAsync(registered);
        // Side by side: each notification has its own idempotency keys, so a rerun sends only what is missing.
        await Task.WhenAll(services.SendAsync(step, "faction", new MotionRegistered
        {
            To = WorkflowServices.Faction(registered, catalog),
            Link = statusLink,
            Motion = summary,
            RegisteredAt = registered.RegisteredAt!.Value,
            BeiratName = beirat?.Name,
            Consultations = consultations,
        }), services.SendAsync(step, "clerks", new NewMotionForClerks
        {
            To = WorkflowServices.Clerks(catalog),
            Link = MailLink.ClerkMotion(motionId),
            Motion = summary,
            RegisteredAt = registered.RegisteredAt!.Value,
            BeiratName = beirat?.Name,
            Consultations = consultations,
        }));
        return new RegisteredMotion(
            motionId,
            reference,
            beirat?.Id,
            beirat?.VotingMembers.Select(m => m.Id).ToList() ?? [],
            registered.RequestedConsultations,
            catalog.Council.Id,
            registered.ResolutionText);
    }
}
