namespace KPops.Format.Validation;

/// <summary>Walks a list from the file, reporting <c>null</c> items (which JSON allows and the model does not).</summary>
internal static class NullItems
{
    /// <summary>The non-null items with their index; each null one is reported at its path.</summary>
    public static IEnumerable<(T Item, int Index, string Path)> Each<T>(SeasonCheck check, string listPath, IReadOnlyList<T> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{listPath}[{i}]";
            if (items[i] is null)
            {
                check.Add(path, "must not be null");
                continue;
            }

            yield return (items[i], i, path);
        }
    }
}
