using System.Text.Json;
using Ratsworkflow.Functions.Motions;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Motions;

public class MotionStagesTests
{
    [Theory]
    [InlineData(MotionStage.AwaitingConfirmation, "Bestätigung ausstehend")]
    [InlineData(MotionStage.Registered, "Eingegangen")]
    [InlineData(MotionStage.BeiratReview, "Im Beirat")]
    [InlineData(MotionStage.Consultation, "In den Ausschüssen")]
    [InlineData(MotionStage.Council, "Im Rat")]
    [InlineData(MotionStage.Decided, "Entschieden")]
    [InlineData(MotionStage.Withdrawn, "Zurückgezogen")]
    [InlineData(MotionStage.Failed, "Gestört – Ratsbüro prüft")]
    public void Label_EveryStage_OneGermanNameForPagesMailsAndErrors(MotionStage stage, string expected) =>
        Assert.Equal(expected, MotionStages.Label(stage));

    [Fact]
    public void Label_UndefinedValue_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MotionStages.Label((MotionStage)99));

    [Theory]
    [InlineData("Consultation", "In den Ausschüssen")]
    [InlineData("consultation", "In den Ausschüssen")]
    [InlineData("3", "3")]
    [InlineData("Quatsch", "Quatsch")]
    [InlineData("", "Unbekannt")]
    public void StageDisplay_StageString_KnownNamesOnlyAndNothingElseFails(string stage, string expected) =>
        Assert.Equal(expected, Ratsworkflow.Functions.Web.StageDisplay.For(stage).Label);

    [Fact]
    public void Serialize_EveryStage_ExactlyTheNamesOfTheApi()
    {
        var names = Enum.GetValues<MotionStage>().Select(s => JsonSerializer.Serialize(s, JsonSerializerOptions.Web));

        Assert.Equal(
            ["\"AwaitingConfirmation\"", "\"Registered\"", "\"BeiratReview\"", "\"Consultation\"", "\"Council\"", "\"Decided\"", "\"Withdrawn\"", "\"Failed\""],
            names);
    }

    [Fact]
    public void Deserialize_Number_IsRefused() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<MotionStage>("3", JsonSerializerOptions.Web));

    [Theory]
    [InlineData(MotionStage.AwaitingConfirmation, false)]
    [InlineData(MotionStage.Registered, true)]
    [InlineData(MotionStage.BeiratReview, true)]
    [InlineData(MotionStage.Consultation, true)]
    [InlineData(MotionStage.Council, true)]
    [InlineData(MotionStage.Failed, false)]
    [InlineData(MotionStage.Decided, false)]
    [InlineData(MotionStage.Withdrawn, false)]
    public void CanWithdraw_Stage_OnlyConfirmedAndUnbrokenBeforeTheCouncilDecided(MotionStage stage, bool expected) =>
        Assert.Equal(expected, MotionStages.CanWithdraw(stage));

    [Fact]
    public void VoteCount_Total_SumsAllChoices() => Assert.Equal(9, new VoteCount(4, 3, 2).Total);
}
