using System.Text.Json;

namespace Ratsworkflow.Reliability.Tests.Harness;

/// <summary>
/// What every scenario checks at the end: each motion decided once with exactly the votes and results that were sent,
/// and the mails (duplicates are the same Message-ID to the same recipient more than once).
/// </summary>
public static class Verdict
{
    /// <summary>One line per motion whose end state differs from what was sent; empty when all are right.</summary>
    public static async Task<List<string>> ProblemsAsync(IEnumerable<MotionJourney> journeys)
    {
        var problems = new List<string>();
        foreach (var journey in journeys)
        {
            if (journey.MotionId is null)
            {
                problems.Add($"Antrag {journey.Plan.Number}: nie eingereicht");
                continue;
            }
            var motion = await journey.ReadAsync();
            problems.AddRange(Check(journey.Plan, motion).Select(p => $"Antrag {journey.Plan.Number} ({journey.MotionId}): {p}"));
        }
        return problems;
    }

    /// <summary>Mails beyond the first with the same recipient and Message-ID (= the same idempotency key).</summary>
    public static int Duplicates(IEnumerable<Mail> mails) =>
        mails.SelectMany(m => m.To.Select(to => (to, m.MessageId))).GroupBy(x => x).Sum(g => g.Count() - 1);

    private static IEnumerable<string> Check(MotionPlan plan, JsonElement motion)
    {
        if (MotionJourney.Stage(motion) != "Decided")
        {
            yield return "Stand " + MotionJourney.Stage(motion);
        }
        if (!Same(motion.GetProperty("decision").GetString(), plan.CouncilOutcome))
        {
            yield return $"Beschluss {motion.GetProperty("decision")} statt {plan.CouncilOutcome}";
        }
        foreach (var (organization, votes) in new[] { (MotionPlan.CommitteeId, plan.Committee), (MotionPlan.CouncilId, plan.Council) })
        {
            var consultation = MotionJourney.Consultation(motion, organization);
            if (ReadVotes(consultation.GetProperty("votes")) != votes)
            {
                yield return $"{organization}: Stimmen {consultation.GetProperty("votes")} statt {votes}";
            }
        }
        if (plan.BeiratChoices is not null)
        {
            var beirat = motion.GetProperty("beirat");
            if (ReadVotes(beirat) != plan.ExpectedBeirat)
            {
                yield return $"Beirat: {beirat} statt {plan.ExpectedBeirat}";
            }
        }
        var history = motion.GetProperty("history").EnumerateArray()
            .Select(h => (Type: h.GetProperty("type").GetString(), Text: h.GetProperty("text").GetString() ?? "")).ToList();
        // Each command applied once: one decision, one result per body, one Beirat result. (Votes are counted in
        // batches, so the counts above prove each vote once; the timeline has one entry per count, not per vote.)
        var decisions = history.Count(h => h.Text.StartsWith("Beschluss des ", StringComparison.Ordinal));
        var results = history.Count(h => h.Type == "consultation" && h.Text.Contains("(Ja ", StringComparison.Ordinal));
        var beiratResults = history.Count(h => h.Type == "beiratResult");
        if (decisions != 1 || results != 2 || beiratResults != (plan.BeiratChoices is null ? 0 : 1))
        {
            yield return $"Verlauf: {decisions} Beschlüsse, {results} Ergebnisse, {beiratResults} Beirat-Ergebnisse: " + string.Join(" | ", history.Select(h => h.Type + ": " + h.Text));
        }
    }

    private static Votes? ReadVotes(JsonElement votes) => votes.ValueKind == JsonValueKind.Object
        ? new Votes(votes.GetProperty("yes").GetInt32(), votes.GetProperty("no").GetInt32(), votes.GetProperty("abstain").GetInt32())
        : null;

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
