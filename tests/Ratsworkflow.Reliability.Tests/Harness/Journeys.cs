namespace Ratsworkflow.Reliability.Tests.Harness;

/// <summary>Runs many <see cref="MotionJourney"/>s, a limited number at a time, so 2 cores keep up with the app.</summary>
public static class Journeys
{
    /// <summary>Motions 1..count; every seventh (about 15 of 100) with the Beirat's review, the rest without (mail volume).</summary>
    public static List<MotionJourney> Plan(int count, Api api, MailFeed mail) =>
        Enumerable.Range(1, count).Select(n => new MotionJourney(api, mail, MotionPlan.For(n, beirat: n % 7 == 0))).ToList();

    public static async Task RunAsync(IEnumerable<MotionJourney> journeys, int atOnce = 20)
    {
        using var slots = new SemaphoreSlim(atOnce);
        await Task.WhenAll(journeys.Select(async journey =>
        {
            await slots.WaitAsync();
            try
            {
                await journey.RunAsync();
            }
            finally
            {
                slots.Release();
            }
        }));
    }
}
