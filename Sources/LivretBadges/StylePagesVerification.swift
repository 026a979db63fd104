/// The style sheet of the verification site, inline in every page (no external font or file):
/// one column readable on a phone, system fonts, contrasts of at least 7:1 for text, a verdict
/// coloured by its outcome and also said in words.
enum StylePagesVerification {
    static let feuille = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; font-size: 1.0625rem; line-height: 1.5; color: #1a1a1a; background: #ffffff; }
header, main, footer { max-width: 40rem; margin: 0 auto; padding: 0.75rem 1rem; }
header { border-bottom: 1px solid #6b6b6b; }
header p { margin: 0; font-weight: 600; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; line-height: 1.3; margin: 0.25rem 0 0.5rem; }
.code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; white-space: nowrap; }
#verdict { margin: 0 0 1.25rem; padding: 0.875rem 1rem; border: 2px solid #4a4a4a; border-radius: 0.5rem; background: #f2f2f2; font-weight: 600; }
#verdict[data-verdict="authentique"] { border-color: #1e6b34; background: #e7f4ea; color: #0b3a19; }
#verdict[data-verdict="revoque"], #verdict[data-verdict="non-authentique"], #verdict[data-verdict="expire"] { border-color: #a3201b; background: #fdecea; color: #5f0d0a; }
#verdict[data-verdict="indetermine"], #verdict[data-verdict="plusieurs"] { border-color: #8a5300; background: #fff4e0; color: #4a2c00; }
.etat { font-weight: 600; }
.sansjs { padding: 0.75rem 1rem; border-left: 4px solid #8a5300; background: #fff4e0; color: #4a2c00; }
article.badge { margin: 0 0 1.5rem; padding: 1rem; border: 1px solid #6b6b6b; border-radius: 0.5rem; }
article.badge img { display: block; width: 8rem; height: auto; max-width: 40%; margin: 0 0 0.75rem; }
.garantie { margin: 0 0 0.75rem; font-style: italic; }
dl { margin: 0; }
dt { font-weight: 600; margin-top: 0.5rem; }
dd { margin: 0; overflow-wrap: anywhere; }
a { color: #0b4f9c; }
a:focus, button:focus, input:focus { outline: 3px solid #0b4f9c; outline-offset: 2px; }
label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
input { font: inherit; font-family: ui-monospace, "DejaVu Sans Mono", monospace; width: 100%; max-width: 16rem; padding: 0.5rem; border: 2px solid #4a4a4a; border-radius: 0.25rem; text-transform: uppercase; }
button { font: inherit; font-weight: 600; margin-top: 0.75rem; padding: 0.5rem 1.25rem; border: 2px solid #0b4f9c; border-radius: 0.25rem; background: #0b4f9c; color: #ffffff; }
.aide { margin: 0.25rem 0 0; }
.erreur { margin: 0.5rem 0 0; color: #8f1a15; font-weight: 600; }
footer { border-top: 1px solid #6b6b6b; font-size: 0.9375rem; }
"""
}
