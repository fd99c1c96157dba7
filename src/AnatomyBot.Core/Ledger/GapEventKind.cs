namespace AnatomyBot.Core.Ledger;

public enum GapEventKind
{
    Opened,
    Closed,
}
