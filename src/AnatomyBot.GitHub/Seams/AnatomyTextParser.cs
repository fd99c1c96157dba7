using AnatomyBot.Core.Anatomy;

namespace AnatomyBot.GitHub.Seams;

/// <summary>Parses <c>anatomy.yml</c> text (Core's <c>AnatomyParser.Parse</c>).</summary>
public delegate AnatomyParseResult AnatomyTextParser(string yaml);
