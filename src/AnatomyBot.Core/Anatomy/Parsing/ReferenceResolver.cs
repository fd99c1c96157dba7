namespace AnatomyBot.Core.Anatomy.Parsing;

/// <summary>Checks every queued reference: the id must be declared (ignoring case) and name an element of the
/// expected layer. Suggests the nearest declared id of that layer.</summary>
internal static class ReferenceResolver
{
    public static void Check(ReadContext context)
    {
        foreach (var reference in context.References)
        {
            if (!context.Declarations.TryGetValue(reference.Id, out var declaration))
            {
                var candidates = context.Declarations.Values.Where(d => d.Kind == reference.ExpectedKind).Select(d => d.Id);
                var suggestion = KeySuggestions.Closest(reference.Id, candidates);
                var hint = suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)";
                context.Diagnostics.Error(
                    AnatomyDiagnosticCodes.UnknownId,
                    $"'{reference.OwnerId}' refers to {reference.ExpectedKind} '{reference.Id}', which is not declared{hint}",
                    reference.Position,
                    reference.OwnerId);
            }
            else if (declaration.Kind != reference.ExpectedKind)
            {
                context.Diagnostics.Error(
                    AnatomyDiagnosticCodes.UnknownId,
                    $"'{reference.OwnerId}' refers to '{reference.Id}' as {reference.ExpectedKind}, but it is a {declaration.Kind} (declared at {declaration.Position})",
                    reference.Position,
                    reference.OwnerId);
            }
        }
    }
}
