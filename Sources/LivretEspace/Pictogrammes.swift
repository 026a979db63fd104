/// The small drawings next to the words (FALC: a picture helps read the word beside it). Each is
/// decorative for screen readers (`aria-hidden`): the word next to it says everything.
enum Pictogramme: String, CaseIterable, Sendable {
    case accueil, savoirFaire, parcours, pix, badges, cv, avis, donnees, telephone, sortie, acquis, enCours, telecharger, imprimer, cle

    /// The SVG paths, drawn in a 24×24 box with the text's colour.
    private var dessin: String {
        switch self {
        case .accueil: "<path d=\"M3 11 12 3l9 8v10h-6v-6H9v6H3z\"/>"
        case .savoirFaire: "<path d=\"m12 2 3 6.5 7 .8-5.2 4.8 1.5 7L12 17.6 5.7 21l1.5-7L2 9.3l7-.8z\"/>"
        case .parcours: "<path d=\"M4 20h4v-6H4zm6 0h4V9h-4zm6 0h4V4h-4z\"/>"
        case .pix: "<path d=\"m12 2 9 5v10l-9 5-9-5V7zm0 4-5 3v6l5 3 5-3V9z\"/>"
        case .badges: "<circle cx=\"12\" cy=\"9\" r=\"6\"/><path d=\"m8 14-2 8 6-3 6 3-2-8z\"/>"
        case .cv: "<path d=\"M6 2h9l5 5v15H6zm8 1v5h5M9 12h8v2H9zm0 4h8v2H9z\"/>"
        case .avis: "<path d=\"M3 4h18v12H9l-5 4v-4H3z\"/>"
        case .donnees: "<path d=\"M7 10V7a5 5 0 0 1 10 0v3h2v12H5V10zm2 0h6V7a3 3 0 0 0-6 0z\"/>"
        case .telephone: "<path d=\"M7 2h10v20H7zm2 2v14h6V4zm2 15h2v2h-2z\"/>"
        case .sortie: "<path d=\"M4 3h9v4h-2V5H6v14h5v-2h2v4H4zm11 5 5 4-5 4v-3H9v-2h6z\"/>"
        case .acquis: "<path d=\"m4 12 5 5L20 6l2 2L9 21l-7-7z\"/>"
        case .enCours: "<path d=\"M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 3v7h6a6 6 0 0 1-6 6 7 7 0 0 1 0-13z\"/>"
        case .telecharger: "<path d=\"M11 3h2v10l4-4 1.4 1.4L12 16.8l-6.4-6.4L7 9l4 4zM4 19h16v2H4z\"/>"
        case .imprimer: "<path d=\"M6 2h12v6H6zm-3 7h18v9h-3v4H6v-4H3zm5 6v5h8v-5z\"/>"
        case .cle: "<path d=\"M14 3a7 7 0 1 1-6.3 10H5v3H2v-5h5.7A7 7 0 0 1 14 3zm2 4a2 2 0 1 0 0 4 2 2 0 0 0 0-4z\"/>"
        }
    }

    /// The inline SVG, hidden from screen readers.
    var svg: String {
        "<svg class=\"picto\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\" fill=\"currentColor\">\(dessin)</svg>"
    }
}
