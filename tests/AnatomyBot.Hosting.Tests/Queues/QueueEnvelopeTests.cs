using System.Text.Json;
using AnatomyBot.Core.Pipeline;
using AnatomyBot.Hosting.Queues;

namespace AnatomyBot.Hosting.Tests.Queues;

public sealed class QueueEnvelopeTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 15, 0, TimeSpan.Zero);

    [Fact]
    public void Serialize_SmallDelivery_CarriesItInline()
    {
        var delivery = Delivery(new string('x', 100)) with { Attempts = 2 };

        var message = QueueEnvelope.Serialize(delivery);

        using var json = JsonDocument.Parse(message);
        Assert.Equal(["platform", "id", "attempts", "delivery"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var envelope = QueueEnvelope.TryParse(message);
        Assert.Equal(new QueueEnvelope(Platforms.GitHub, "d-1", 2, delivery), envelope);
    }

    [Fact]
    public void Serialize_DeliveryOverTheInlineLimit_CarriesOnlyItsKey()
    {
        var message = QueueEnvelope.Serialize(Delivery(new string('x', QueueEnvelope.MaxInlineBytes)) with { Attempts = 1 });

        Assert.Equal("""{"platform":"github","id":"d-1","attempts":1,"delivery":null}""", message);
    }

    [Fact]
    public void Serialize_DeliveryJustUnderTheInlineLimit_StaysInline()
    {
        var overhead = QueueEnvelope.Serialize(Delivery("")).Length;

        var message = QueueEnvelope.Serialize(Delivery(new string('x', QueueEnvelope.MaxInlineBytes - overhead)));

        Assert.Equal(QueueEnvelope.MaxInlineBytes, message.Length);
        Assert.NotNull(QueueEnvelope.TryParse(message)!.Delivery);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"platform":"github"}""")]
    [InlineData("""{"platform":"","id":"d-1","attempts":0}""")]
    [InlineData("""{"platform":"github","id":"","attempts":0}""")]
    public void TryParse_NotOneOfOurMessages_ReturnsNull(string message)
    {
        Assert.Null(QueueEnvelope.TryParse(message));
    }

    private static Delivery Delivery(string body) =>
        new() { Platform = Platforms.GitHub, Id = "d-1", EventName = "issues", Body = body, ReceivedAt = At };
}
