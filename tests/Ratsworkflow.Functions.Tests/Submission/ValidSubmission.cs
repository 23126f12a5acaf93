using Ratsworkflow.Functions.Submission;
using Ratsworkflow.Functions.Tests.Organizations;

namespace Ratsworkflow.Functions.Tests.Submission;

internal static class ValidSubmission
{
    public static MotionSubmission Create() => new(
        FactionId: TestCatalog.Faction,
        SubmitterName: "Erika Mustermann",
        SubmitterEmail: "erika.mustermann@example.org",
        Title: "Mehrsprachige Informationen im Bürgerbüro",
        ResolutionText: "Die Verwaltung wird beauftragt,\n1. Informationen in fünf Sprachen anzubieten,\n2. dem Rat bis Ende 2026 zu berichten.",
        Justification: "Viele Göttingerinnen und Göttinger sprechen Deutsch nicht als Erstsprache.",
        FinancialImpact: "ca. 15.000 € jährlich",
        BeiratReview: true,
        Consultations: [TestCatalog.Social, TestCatalog.Finance, TestCatalog.Administrative]);
}
