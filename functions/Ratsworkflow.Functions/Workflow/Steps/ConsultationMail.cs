using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Email;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.Workflow.Steps;

/// <summary>Who hears of what in the Beratungsfolge: the faction of everything, the chair of its meeting, everyone of the decision.</summary>
internal static class ConsultationMail
{
    /// <param name="meeting">The meeting the command concerned, for its time and place in the mail; null for a result.</param>
    public static async Task SendAsync(WorkflowServices services, StepContext step, MotionRecord motion, OrganizationCatalog catalog,
        IReadOnlyList<ConsultationEvent> events, ConsultationState state, Meetings.Meeting? meeting = null)
    {
        var summary = WorkflowServices.Summary(motion, catalog);
        var faction = WorkflowServices.Faction(motion, catalog);
        var next = state.Current is { } current ? catalog.NameOf(current.OrganizationId) : null;
        // The mails of the events go out side by side: each has its own idempotency keys.
        await Task.WhenAll(events.Select((e, i) => SendEventAsync(e, i)));

        async Task SendEventAsync(ConsultationEvent e, int i)
        {
            switch (e)
            {
                case Consultations.ConsultationScheduled { DateUnchanged: true }:
                    // Only the meeting was linked to a date everybody knows already.
                    break;
                case Consultations.ConsultationScheduled s:
                    var chair = catalog.Find(s.OrganizationId)?.Email is { } chairAddress ? [new Mailbox(chairAddress)] : Array.Empty<Mailbox>();
                    var at = meeting?.Id == s.MeetingId ? meeting : null;
                    var toFaction = new Email.ConsultationScheduled
                    {
                        To = faction, Link = await services.StatusLinkAsync(motion), Motion = summary,
                        OrganizationName = catalog.NameOf(s.OrganizationId), MeetingDate = s.MeetingDate,
                        PreviousMeetingDate = s.PreviousMeetingDate, StartTime = at?.StartTime, Place = at?.Place,
                    };
                    await Task.WhenAll(
                        services.SendAsync(step, $"scheduled-{i}", toFaction),
                        services.SendAsync(step, $"chair-{i}", toFaction with { To = chair, Link = MailLink.PublicMotion(motion.MotionId) }));
                    break;
                case ConsultationUnscheduled u:
                    await services.SendAsync(step, $"unscheduled-{i}", new Email.MeetingCancelled
                    {
                        To = faction, Link = await services.StatusLinkAsync(motion), Motion = summary,
                        OrganizationName = catalog.NameOf(u.OrganizationId), MeetingDate = u.PreviousMeetingDate,
                    });
                    break;
                case Consultations.ConsultationResultRecorded r when !state.IsDecided || !r.ByCouncil:
                    var referred = events.OfType<ConsultationInserted>().FirstOrDefault();
                    await services.SendAsync(step, $"result-{i}", new Email.ConsultationResultRecorded
                    {
                        To = faction, Link = await services.StatusLinkAsync(motion), Motion = summary,
                        OrganizationName = catalog.NameOf(r.OrganizationId), IsCouncil = r.ByCouncil, MeetingDate = r.MeetingDate,
                        Outcome = r.Outcome, Votes = r.Votes, ResolutionText = motion.ResolutionText,
                        ReferredTo = referred is null ? null : catalog.NameOf(referred.OrganizationId), NextBody = next,
                    });
                    break;
                case Consultations.MotionDecided d:
                    await SendDecisionAsync(services, step, motion, catalog, d, summary);
                    break;
            }
        }
    }

    private static async Task SendDecisionAsync(WorkflowServices services, StepContext step, MotionRecord motion, OrganizationCatalog catalog,
        Consultations.MotionDecided d, Email.MotionSummary summary)
    {
        Email.MotionDecided Decision(IReadOnlyList<Mailbox> to, MailLink link) => new()
        {
            To = to, Link = link, Motion = summary, MeetingDate = d.MeetingDate, Outcome = d.Outcome,
            Votes = motion.Consultations.Count > 0 ? motion.Consultations[^1].Votes : null, ResolutionText = d.ResolutionText,
            CouncilName = catalog.NameOf(d.OrganizationId),
        };
        var statusLink = await services.StatusLinkAsync(motion);
        var involved = motion.Consultations.Select(c => catalog.Find(c.OrganizationId)?.Email).OfType<string>().Distinct()
            .Select(a => new Mailbox(a)).ToList();
        if (motion.BeiratReview)
        {
            involved.AddRange(WorkflowServices.Members(catalog.AdvisoryBoard));
        }
        // Side by side: each notification has its own idempotency keys, so a rerun sends only what is missing.
        await Task.WhenAll(
            services.SendAsync(step, "decided-faction", Decision(WorkflowServices.Faction(motion, catalog), statusLink)),
            services.SendAsync(step, "decided-clerks", Decision(WorkflowServices.Clerks(catalog), MailLink.ClerkMotion(motion.MotionId))),
            services.SendAsync(step, "decided-involved", Decision(involved, MailLink.PublicMotion(motion.MotionId))));
    }
}
