namespace Rampart.Dns.Transfer;

/// <summary>
/// Reads TSIG keys in BIND's <c>key</c> statement form, what <c>tsig-keygen -a hmac-sha256 NAME</c>
/// writes, so one file serves both BIND (<c>include</c>) and Rampart:
/// <code>key "rampart-xfr" { algorithm hmac-sha256; secret "base64…"; };</code>
/// Comments (<c>#</c>, <c>//</c>, <c>/* */</c>) are skipped. Bad input gives errors with the line and
/// the field, never an exception; a key with an error is left out whole.
/// </summary>
public static class TsigKeyFile
{
    /// <summary>Largest key file read: far above any real one (a key is ~100 bytes).</summary>
    public const int MaxLength = 1024 * 1024;

    public static IReadOnlyList<TsigKey> Read(string path, out IReadOnlyList<TsigKeyFileError> errors)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxLength)
            {
                errors = [new TsigKeyFileError(path, 0, "file", $"larger than {MaxLength} bytes")];
                return [];
            }

            return Parse(File.ReadAllText(path), path, out errors);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors = [new TsigKeyFileError(path, 0, "file", ex.Message)];
            return [];
        }
    }

    public static IReadOnlyList<TsigKey> Parse(string text, string path, out IReadOnlyList<TsigKeyFileError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<TsigKeyFileError>();
        var keys = new List<TsigKey>();
        var tokens = Tokenize(text, path, problems);
        var i = 0;
        while (i < tokens.Count)
        {
            var start = tokens[i];
            if (start.Text != "key" || start.Quoted)
            {
                problems.Add(new TsigKeyFileError(path, start.Line, "statement", $"expected 'key', found '{Shown(start.Text)}'"));
                i = SkipStatement(tokens, i);
                continue;
            }

            var key = ReadKey(tokens, ref i, path, problems);
            if (key is null)
            {
                continue;
            }

            if (keys.Any(k => k.Name == key.Name))
            {
                problems.Add(new TsigKeyFileError(path, start.Line, "key", $"'{key.Name}' is defined twice"));
                continue;
            }

            keys.Add(key);
        }

        if (keys.Count == 0 && problems.Count == 0)
        {
            problems.Add(new TsigKeyFileError(path, 1, "file", "no key statement"));
        }

        errors = problems;
        return keys;
    }

    private static TsigKey? ReadKey(List<Token> tokens, ref int i, string path, List<TsigKeyFileError> problems)
    {
        var line = tokens[i].Line;
        var end = SkipStatement(tokens, i);
        try
        {
            if (i + 2 >= tokens.Count || tokens[i + 2].Text != "{" || tokens[i + 2].Quoted)
            {
                problems.Add(new TsigKeyFileError(path, line, "key", "expected: key \"NAME\" { algorithm hmac-sha256; secret \"BASE64\"; };"));
                return null;
            }

            var name = tokens[i + 1].Text;
            string? algorithm = null;
            string? secret = null;
            var secretLine = line;
            var j = i + 3;
            while (j < end && !(tokens[j].Text == "}" && !tokens[j].Quoted))
            {
                var field = tokens[j];
                if (j + 2 >= end || tokens[j + 2].Text != ";" || tokens[j + 2].Quoted)
                {
                    problems.Add(new TsigKeyFileError(path, field.Line, FieldName(field), "expected one value and ';'"));
                    return null;
                }

                switch (field.Text)
                {
                    case "algorithm":
                        algorithm = tokens[j + 1].Text.ToLowerInvariant();
                        break;
                    case "secret":
                        secret = tokens[j + 1].Text;
                        secretLine = field.Line;
                        break;
                    default:
                        problems.Add(new TsigKeyFileError(path, field.Line, FieldName(field), "unknown field (algorithm and secret are read)"));
                        return null;
                }

                j += 3;
            }

            if (algorithm is null || secret is null)
            {
                problems.Add(new TsigKeyFileError(path, line, algorithm is null ? "algorithm" : "secret", $"key '{Shown(name)}' has no {(algorithm is null ? "algorithm" : "secret")}"));
                return null;
            }

            if (algorithm is not (TsigKey.HmacSha256 or TsigKey.HmacSha256 + "."))
            {
                problems.Add(new TsigKeyFileError(path, line, "algorithm", $"'{Shown(algorithm)}' is not supported; use {TsigKey.HmacSha256}"));
                return null;
            }

            var bytes = new byte[secret.Length];
            if (!Convert.TryFromBase64String(secret, bytes, out var length))
            {
                problems.Add(new TsigKeyFileError(path, secretLine, "secret", "not base64"));
                return null;
            }

            try
            {
                return new TsigKey(name, bytes[..length]);
            }
            catch (ArgumentException ex)
            {
                // The message names the key, never the secret.
                problems.Add(new TsigKeyFileError(path, line, "key", ex.Message.Split(" (Parameter", 2)[0]));
                return null;
            }
        }
        finally
        {
            i = end;
        }
    }

    /// <summary>The index after the statement starting at <paramref name="i"/>: past its closing "};" or its first top-level ';'.</summary>
    private static int SkipStatement(List<Token> tokens, int i)
    {
        var depth = 0;
        for (var j = i; j < tokens.Count; j++)
        {
            if (tokens[j].Quoted)
            {
                continue;
            }

            switch (tokens[j].Text)
            {
                case "{":
                    depth++;
                    break;
                case "}":
                    depth--;
                    break;
                case ";" when depth <= 0:
                    return j + 1;
            }
        }

        return tokens.Count;
    }

    private static List<Token> Tokenize(string text, string path, List<TsigKeyFileError> problems)
    {
        var tokens = new List<Token>();
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '#' || (c == '/' && i + 1 < text.Length && text[i + 1] == '/'))
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var stop = close < 0 ? text.Length : close + 2;
                line += text.AsSpan(i, stop - i).Count('\n');
                if (close < 0)
                {
                    problems.Add(new TsigKeyFileError(path, line, "comment", "/* is never closed"));
                }

                i = stop;
            }
            else if (c is '{' or '}' or ';')
            {
                tokens.Add(new Token(c.ToString(), false, line));
                i++;
            }
            else if (c == '"')
            {
                var close = text.IndexOf('"', i + 1);
                if (close < 0 || text.AsSpan(i + 1, close - i - 1).Contains('\n'))
                {
                    problems.Add(new TsigKeyFileError(path, line, "string", "a quoted string is not closed on its line"));
                    close = text.IndexOf('\n', i + 1) is var nl && nl >= 0 ? nl - 1 : text.Length - 1;
                    i = close + 1;
                    continue;
                }

                tokens.Add(new Token(text[(i + 1)..close], true, line));
                i = close + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('{' or '}' or ';' or '"'))
                {
                    i++;
                }

                tokens.Add(new Token(text[start..i], false, line));
            }
        }

        return tokens;
    }

    /// <summary>At most 40 characters of hostile text, controls replaced.</summary>
    /// <summary>A field as the error names it: an empty quoted token still names something ("").</summary>
    private static string FieldName(Token field) => field.Text.Length == 0 ? "\"\"" : Shown(field.Text);

    private static string Shown(string text) =>
        new([.. (text.Length > 40 ? text[..40] + "…" : text).Select(c => char.IsControl(c) ? '?' : c)]);

    private readonly record struct Token(string Text, bool Quoted, int Line);
}
