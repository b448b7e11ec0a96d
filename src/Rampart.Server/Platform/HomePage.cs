namespace Rampart.Server.Platform;

/// <summary>
/// The minimal page at <c>/</c>: a login form, then the store's counts. It holds no data itself;
/// everything it shows comes from the authenticated API. The console proper is a later issue.
/// </summary>
internal static class HomePage
{
    public const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Rampart</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}
        label{display:block;margin:.5rem 0}dt{font-weight:600}.error{color:#b00}</style></head>
        <body><h1>Rampart</h1>
        <form id="login"><label>User <input name="user" autocomplete="username" required></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
        <button>Sign in</button> <span id="error" class="error"></span></form>
        <section id="status" hidden><p>Signed in as <b id="who"></b>. <button id="logout">Sign out</button></p>
        <dl><dt>Live indicators</dt><dd id="live"></dd><dt>All indicators</dt><dd id="total"></dd>
        <dt>Actors</dt><dd id="actors"></dd><dt>Store revision</dt><dd id="revision"></dd></dl></section>
        <script>
        const $ = id => document.getElementById(id);
        async function show() {
          const me = await fetch('/api/v1/auth/me');
          if (!me.ok) return;
          const s = await (await fetch('/api/v1/status')).json();
          $('who').textContent = (await me.json()).name;
          $('live').textContent = s.indicators.live; $('total').textContent = s.indicators.total;
          $('actors').textContent = s.actors; $('revision').textContent = s.revision;
          $('login').hidden = true; $('status').hidden = false;
        }
        $('login').addEventListener('submit', async e => {
          e.preventDefault();
          const f = new FormData(e.target);
          const r = await fetch('/api/v1/auth/login', {method: 'POST', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({user_name: f.get('user'), password: f.get('password')})});
          if (r.ok) { $('error').textContent = ''; show(); } else { $('error').textContent = (await r.json()).detail || 'Sign-in failed'; }
        });
        $('logout').addEventListener('click', async () => {
          const t = await (await fetch('/api/v1/auth/antiforgery')).json();
          await fetch('/api/v1/auth/logout', {method: 'POST', headers: {[t.header_name]: t.token}});
          location.reload();
        });
        show();
        </script></body></html>
        """;
}
