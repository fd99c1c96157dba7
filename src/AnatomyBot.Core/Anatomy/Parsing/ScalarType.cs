namespace AnatomyBot.Core.Anatomy.Parsing;

internal enum ScalarType
{
    Null,
    Boolean,
    Number,
    Text,
}
