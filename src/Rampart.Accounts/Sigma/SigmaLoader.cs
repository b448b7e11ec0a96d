using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rampart.Accounts.Sigma;

/// <summary>
/// Reads Sigma YAML: rules, correlation rules and filters, several to a file (multi-document YAML),
/// and Sigma 1 rule collections (<c>action: global</c>, <c>reset</c>, <c>repeat</c>). Every
/// document that cannot be read becomes a <see cref="SigmaLoadError"/> with its file, line and
/// reason; the other documents of the file still load. Loading never throws for bad input.
/// </summary>
public static class SigmaLoader
{
    /// <summary>Larger rule files are refused: a rule is a few kilobytes, SigmaHQ's largest is under 100 KB.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Loads every <c>*.yml</c>/<c>*.yaml</c> under <paramref name="directory"/>, in a stable (ordinal path) order.</summary>
    public static SigmaLoadResult LoadDirectory(string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        return LoadFiles(files);
    }

    /// <summary>Loads files, or directories of them.</summary>
    public static SigmaLoadResult LoadPaths(IEnumerable<string> paths)
    {
        var documents = new List<SigmaDocument>();
        var errors = new List<SigmaLoadError>();
        foreach (var path in paths)
        {
            var result = Directory.Exists(path) ? LoadDirectory(path) : LoadFile(path);
            documents.AddRange(result.Documents);
            errors.AddRange(result.Errors);
        }

        return new SigmaLoadResult(documents, errors);
    }

    public static SigmaLoadResult LoadFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxFileBytes)
            {
                return new SigmaLoadResult([], [new SigmaLoadError(path, 1, 1, $"file is larger than {MaxFileBytes} bytes")]);
            }

            return LoadText(File.ReadAllText(path), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new SigmaLoadResult([], [new SigmaLoadError(path, 0, 0, "cannot read: " + ex.Message)]);
        }
    }

    private static SigmaLoadResult LoadFiles(IEnumerable<string> files)
    {
        var documents = new List<SigmaDocument>();
        var errors = new List<SigmaLoadError>();
        foreach (var file in files)
        {
            var result = LoadFile(file);
            documents.AddRange(result.Documents);
            errors.AddRange(result.Errors);
        }

        return new SigmaLoadResult(documents, errors);
    }

    /// <summary>Loads the documents of one YAML text; <paramref name="file"/> names it in errors.</summary>
    public static SigmaLoadResult LoadText(string text, string file)
    {
        var documents = new List<SigmaDocument>();
        var errors = new List<SigmaLoadError>();
        List<YMapping> roots;
        if (TooDeep(text) is { } deep)
        {
            errors.Add(new SigmaLoadError(file, deep, 1, $"YAML nested deeper than {MaxNesting} levels"));
            return new SigmaLoadResult(documents, errors);
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            roots = [];
            foreach (var document in stream.Documents)
            {
                var root = YNode.From(document.RootNode);
                if (root is YScalar { Kind: YScalarKind.Null })
                {
                    continue; // an empty document, e.g. a trailing '---'
                }

                if (root is not YMapping mapping)
                {
                    errors.Add(new SigmaLoadError(file, root.Line, root.Column, "a Sigma document must be a mapping (title, logsource, detection, ...)"));
                    continue;
                }

                roots.Add(mapping);
            }
        }
        catch (YamlException ex)
        {
            errors.Add(new SigmaLoadError(file, (int)ex.Start.Line, (int)ex.Start.Column, "YAML: " + FirstLine(ex.InnerException?.Message ?? ex.Message)));
            return new SigmaLoadResult(documents, errors);
        }
        catch (SigmaException ex)
        {
            errors.Add(new SigmaLoadError(file, ex.Line, ex.Column, ex.Message));
            return new SigmaLoadResult(documents, errors);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these on some malformed input instead of a YamlException.
            errors.Add(new SigmaLoadError(file, 1, 1, "YAML: malformed (" + ex.Message + ")"));
            return new SigmaLoadResult(documents, errors);
        }

        YMapping? global = null;
        YMapping? previous = null;
        foreach (var root in roots)
        {
            try
            {
                var action = root["action"];
                var effective = root;
                if (action is not null)
                {
                    var name = action is YScalar s ? s.Text : "";
                    var rest = Without(root, "action");
                    switch (name)
                    {
                        case "global":
                            global = global is null ? rest : global.MergedWith(rest);
                            continue;
                        case "reset":
                            global = null;
                            previous = null;
                            continue;
                        case "repeat":
                            if (previous is null)
                            {
                                throw SigmaException.At(action, "'action: repeat' without a previous document to repeat");
                            }

                            effective = previous.MergedWith(rest);
                            break;
                        default:
                            throw SigmaException.At(action, $"unknown rule collection action '{name}' (global, reset or repeat)");
                    }
                }
                else if (global is not null)
                {
                    effective = global.MergedWith(root);
                }

                previous = effective;
                documents.Add(SigmaDocumentReader.Read(effective, file));
            }
            catch (SigmaException ex)
            {
                errors.Add(new SigmaLoadError(file, ex.Line, ex.Column, ex.Message));
            }
        }

        return new SigmaLoadResult(documents, errors);
    }

    /// <summary>Deeper YAML is refused before parsing: the parser recurses per level and must not overflow the stack.</summary>
    public const int MaxNesting = 200;

    /// <summary>The line where flow brackets or indentation first nest deeper than <see cref="MaxNesting"/>, if they do.</summary>
    private static int? TooDeep(string text)
    {
        var depth = 0;
        var line = 1;
        var indent = 0;
        var atLineStart = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                indent = 0;
                atLineStart = true;
                continue;
            }

            if (atLineStart && c is ' ' or '-')
            {
                if (++indent > MaxNesting * 2)
                {
                    return line;
                }

                continue;
            }

            atLineStart = false;
            depth += c switch { '[' or '{' => 1, ']' or '}' => -1, _ => 0 };
            if (depth > MaxNesting)
            {
                return line;
            }
        }

        return null;
    }

    private static YMapping Without(YMapping mapping, string key) =>
        new([.. mapping.Entries.Where(e => e.Key.Text != key)], mapping.Line, mapping.Column);

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline];
    }
}
