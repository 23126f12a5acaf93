using System.Text.Json;
using Ratsworkflow.Functions.Beirat;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Beirat;

public class BeiratTextsTests
{
    [Theory]
    [InlineData(VoteChoice.Yes, "Ja")]
    [InlineData(VoteChoice.No, "Nein")]
    [InlineData(VoteChoice.Abstain, "Enthaltung")]
    public void DisplayName_Choice_German(VoteChoice choice, string expected) => Assert.Equal(expected, BeiratTexts.DisplayName(choice));

    [Theory]
    [InlineData(BeiratOutcome.Pending, "Abstimmung läuft")]
    [InlineData(BeiratOutcome.Recommends, "empfiehlt den Antrag")]
    [InlineData(BeiratOutcome.Rejects, "empfiehlt, den Antrag abzulehnen")]
    [InlineData(BeiratOutcome.None, "keine Empfehlung (nicht beschlussfähig)")]
    public void DisplayName_Outcome_German(BeiratOutcome outcome, string expected) => Assert.Equal(expected, BeiratTexts.DisplayName(outcome));

    [Fact]
    public void DisplayName_UndefinedValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BeiratTexts.DisplayName((VoteChoice)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => BeiratTexts.DisplayName((BeiratOutcome)9));
    }

    [Fact]
    public void Json_ChoicesAndOutcomes_LowerCaseAsInTheApi()
    {
        Assert.Equal("[\"yes\",\"no\",\"abstain\"]", JsonSerializer.Serialize(Enum.GetValues<VoteChoice>(), JsonSerializerOptions.Web));
        Assert.Equal("[\"pending\",\"recommends\",\"rejects\",\"none\"]", JsonSerializer.Serialize(Enum.GetValues<BeiratOutcome>(), JsonSerializerOptions.Web));
    }

    [Fact]
    public void Json_ReadChoice_LowerCaseAcceptedNumberRefused()
    {
        Assert.Equal(VoteChoice.Abstain, JsonSerializer.Deserialize<VoteChoice>("\"abstain\"", JsonSerializerOptions.Web));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<VoteChoice>("1", JsonSerializerOptions.Web));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<VoteChoice>("\"vielleicht\"", JsonSerializerOptions.Web));
    }
}
