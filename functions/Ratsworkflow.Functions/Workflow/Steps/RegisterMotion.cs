using Ratsworkflow.Durable;
using Ratsworkflow.Functions.Email;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.Workflow.Steps;

/// <summary>The confirmed motion becomes binding: it gets its reference and the faction and clerks are told.</summary>
public sealed class RegisterMotion(WorkflowServices services) : TaskActivity<string, RegisteredMotion>
{
    public override async Task<RegisteredMotion> RunAsync(TaskActivityContext context, string motionId)
    {
        var (motion, catalog) = await services.LoadAsync(motionId, context.CancellationToken);
        var reference = (await services.References.AssignAsync(motionId, catalog.Body.ReferencePrefix, context.CancellationToken)).ToString();
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
        await services.SaveAsync(context, motion, registered, services.Entry("registered", $"Antrag registriert als {reference}."));

        var consultations = registered.RequestedConsultations.Select(catalog.NameOf).Append(catalog.Council.Name).ToList();
        var summary = WorkflowServices.Summary(registered, catalog);
        await services.SendAsync(context, "faction", new MotionRegistered
        {
            To = WorkflowServices.Faction(registered, catalog),
            Link = await services.StatusLinkAsync(registered, context.CancellationToken),
            Motion = summary,
            RegisteredAt = registered.RegisteredAt!.Value,
            BeiratName = beirat?.Name,
            Consultations = consultations,
        });
        await services.SendAsync(context, "clerks", new NewMotionForClerks
        {
            To = WorkflowServices.Clerks(catalog),
            Link = MailLink.ClerkMotion(motionId),
            Motion = summary,
            RegisteredAt = registered.RegisteredAt!.Value,
            BeiratName = beirat?.Name,
            Consultations = consultations,
        });
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
