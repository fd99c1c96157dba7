using System.Text;

namespace AnatomyBot.Synthetic;

/// <summary>A small business vocabulary, so that generated text and anatomy share words as real ones do.</summary>
public static class Words
{
    private static readonly string[] Vocabulary =
    [
        "customer", "order", "invoice", "payment", "pricing", "discount", "quote", "contract", "approval", "credit",
        "account", "identity", "document", "upload", "billing", "subscription", "renewal", "refund", "shipment", "delivery",
        "warehouse", "inventory", "supplier", "purchase", "catalogue", "product", "lead", "opportunity", "forecast", "report",
        "audit", "compliance", "consent", "notification", "email", "portal", "mobile", "search", "profile", "address",
        "tax", "currency", "ledger", "reconciliation", "settlement", "claim", "policy", "risk", "fraud", "score",
        "onboarding", "activation", "support", "ticket", "escalation", "schedule", "calendar", "timeout", "retry", "event",
    ];

    public static int Count => Vocabulary.Length;

    public static string Word(int i) => Vocabulary[((i % Count) + Count) % Count];

    public static string Title(int i) => char.ToUpperInvariant(Word(i)[0]) + Word(i)[1..] + " " + Word(i * 7 + 3);

    public static string Phrase(int seed, int length)
    {
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(i == 0 ? "" : " ").Append(Word((seed * 31) + (i * 17) + (i * i)));
        }

        return text.ToString();
    }
}
