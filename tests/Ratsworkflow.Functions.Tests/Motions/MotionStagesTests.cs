using System.Text.Json;
using Ratsworkflow.Functions.Motions;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Motions;

public class MotionStagesTests
{
    [Theory]
    [InlineData(MotionStage.AwaitingConfirmation, "Eingang/Bestätigung ausstehend")]
    [InlineData(MotionStage.Registered, "Registriert")]
    [InlineData(MotionStage.BeiratReview, "Beirat")]
    [InlineData(MotionStage.Consultation, "Ausschüsse")]
    [InlineData(MotionStage.Council, "Rat")]
    [InlineData(MotionStage.Decided, "Beschlossen")]
    [InlineData(MotionStage.Withdrawn, "Zurückgezogen")]
    [InlineData(MotionStage.Failed, "Fehler")]
    public void DisplayName_EveryStage_GermanName(MotionStage stage, string expected) =>
        Assert.Equal(expected, MotionStages.DisplayName(stage));

    [Fact]
    public void DisplayName_UndefinedValue_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MotionStages.DisplayName((MotionStage)99));

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
    [InlineData(MotionStage.AwaitingConfirmation, true)]
    [InlineData(MotionStage.Registered, true)]
    [InlineData(MotionStage.BeiratReview, true)]
    [InlineData(MotionStage.Consultation, true)]
    [InlineData(MotionStage.Council, true)]
    [InlineData(MotionStage.Failed, true)]
    [InlineData(MotionStage.Decided, false)]
    [InlineData(MotionStage.Withdrawn, false)]
    public void CanWithdraw_Stage_OnlyBeforeTheCouncilDecided(MotionStage stage, bool expected) =>
        Assert.Equal(expected, MotionStages.CanWithdraw(stage));

    [Fact]
    public void VoteCount_Total_SumsAllChoices() => Assert.Equal(9, new VoteCount(4, 3, 2).Total);
}
