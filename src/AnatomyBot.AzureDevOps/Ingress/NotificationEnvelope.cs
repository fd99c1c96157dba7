using System.Text.Json;

namespace AnatomyBot.AzureDevOps.Ingress;

/// <summary>The two top-level fields of a service-hook notification the ingress needs: <c>id</c> (the delivery id,
/// stable across Azure DevOps' own retries) and <c>eventType</c>. Reading walks the whole document, so malformed or
/// truncated JSON is caught here, before the delivery is persisted.</summary>
public sealed record NotificationEnvelope(string Id, string EventType)
{
    public static bool TryRead(ReadOnlySpan<byte> body, out NotificationEnvelope? envelope, out string error)
    {
        envelope = null;
        string? id = null;
        string? eventType = null;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = AnatomyBot.Core.Pipeline.JsonLimits.MaxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "the body is not a JSON object";
                return false;
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    var isId = reader.ValueTextEquals("id"u8);
                    var isEventType = reader.ValueTextEquals("eventType"u8);
                    reader.Read();
                    if (isId && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
                    {
                        // A number that is not an integer (1.5, 1e400) is no id: left null, answered 400 below.
                        id = reader.TokenType == JsonTokenType.String ? reader.GetString()
                            : reader.TryGetInt64(out var number) ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
                    }
                    else if (isEventType && reader.TokenType == JsonTokenType.String)
                    {
                        eventType = reader.GetString();
                    }
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }
                }
            }
        }
        catch (JsonException exception)
        {
            error = $"malformed JSON: {exception.Message}";
            return false;
        }
        catch (InvalidOperationException exception)
        {
            error = $"malformed JSON: {exception.Message}";
            return false;
        }

        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(eventType))
        {
            error = "the notification has no 'id' or no 'eventType'";
            return false;
        }

        envelope = new NotificationEnvelope(id, eventType);
        error = "";
        return true;
    }
}
