import LivretTerminal
import Testing

/// How a `Tableau` shares the width of a row between its columns.
@Suite("Largeur des colonnes d'un tableau")
struct TableauTests {
    /// A table of one row drawn at this width, header and row.
    func dessin(_ colonnes: [ColonneTableau], _ valeurs: [String], largeur: Int) -> String {
        let tableau = Tableau(colonnes: colonnes, nombre: 1, selection: nil, decalage: 0) { _ in valeurs.map { [Segment($0)] } }
        return rendu(tableau, largeur, 2)
    }

    @Test("Fixes et « reste » : le reste prend tout, comme un partage de zone")
    func resteEtFixes() {
        let colonnes = [ColonneTableau(titre: "Nom", largeur: .reste), ColonneTableau(titre: "Heures", largeur: .fixe(6))]
        #expect(Tableau.largeurs(colonnes, total: 30) == [23, 6])
        let deux = [ColonneTableau(titre: "A", largeur: .reste), ColonneTableau(titre: "B", largeur: .reste)]
        #expect(Tableau.largeurs(deux, total: 10) == [5, 4])
    }

    @Test("Une colonne de texte grandit jusqu'à son maximum ; la place restante reste vide à droite")
    func texteJusquAuMaximum() {
        let colonnes = [ColonneTableau.texte("Apprenant", minimum: 10, maximum: 20), ColonneTableau.nombre("Heures", contenu: 7)]
        #expect(Tableau.largeurs(colonnes, total: 60) == [20, 7])
        #expect(Tableau.largeurs(colonnes, total: 25) == [17, 7])
        #expect(dessin(colonnes, ["Aminata Traoré", "64/67 h"], largeur: 40) == """
            Apprenant             Heures            |
            Aminata Traoré       64/67 h            |
            """)
    }

    @Test("Le contenu connu borne la colonne de texte : les nombres restent à côté des noms")
    func texteBorneParLeContenu() {
        let nom = ColonneTableau.texte("Apprenant", minimum: 12, maximum: 30, contenu: 14)
        #expect(Tableau.largeurs([nom, .nombre("Items", contenu: 2)], total: 120) == [14, 5])
        // The least width is never more than the content.
        let court = ColonneTableau.texte("Nom", minimum: 12, maximum: 30, contenu: 5)
        #expect(Tableau.largeurs([court], total: 4) == [4])
        #expect(court.largeur == .minimum(5) && court.maximum == 5)
    }

    @Test("La place en plus se partage également entre les colonnes qui grandissent, chacune jusqu'à son maximum")
    func partageEgal() {
        let colonnes = [ColonneTableau.texte("A", minimum: 5, maximum: 8), ColonneTableau.texte("B", minimum: 5, maximum: 30),
                        ColonneTableau.nombre("N", contenu: 3)]
        // 5 + 5 + 3 + 2 spaces = 15; 11 more: A takes 3 (its maximum), B the other 8.
        #expect(Tableau.largeurs(colonnes, total: 26) == [8, 13, 3])
        // 4 more: 2 each.
        #expect(Tableau.largeurs(colonnes, total: 19) == [7, 7, 3])
    }

    @Test("Trop étroit : la priorité la plus haute est cachée d'abord, les colonnes de même priorité ensemble")
    func priorites() {
        let colonnes = [ColonneTableau.texte("Cohorte", minimum: 10, maximum: 10),
                        ColonneTableau.nombre("Début", contenu: 10, alignement: .gauche, priorite: 2),
                        ColonneTableau.nombre("F", contenu: 2, priorite: 1), ColonneTableau.nombre("H", contenu: 2, priorite: 1),
                        ColonneTableau.nombre("Inscrits", contenu: 2)]
        // Everything: 10 + 10 + 2 + 2 + 8 + 4 spaces = 36.
        #expect(Tableau.largeurs(colonnes, total: 36) == [10, 10, 2, 2, 8])
        #expect(Tableau.largeurs(colonnes, total: 35) == [10, 0, 2, 2, 8])
        #expect(Tableau.largeurs(colonnes, total: 24) == [10, 0, 0, 0, 8])
        // A hidden column takes no room, not even its space.
        #expect(dessin(colonnes, ["fen-2023", "06/03/2023", "11", "0", "11"], largeur: 24) == """
            Cohorte    Inscrits     |
            fen-2023         11     |
            """)
    }

    @Test("Même les colonnes toujours montrées ne tiennent pas : le texte est coupé, un nombre est laissé de côté, jamais coupé")
    func jamaisUnNombreCoupe() {
        let colonnes = [ColonneTableau.texte("Nom", minimum: 8, maximum: 20), ColonneTableau.nombre("Heures", contenu: 9),
                        ColonneTableau.nombre("Pix", contenu: 3)]
        #expect(Tableau.largeurs(colonnes, total: 14) == [8, 0, 3])
        #expect(Tableau.largeurs(colonnes, total: 6) == [6, 0, 0])
        #expect(dessin(colonnes, ["Christelle Lefebvre", "100/120 h", "6"], largeur: 14) == """
            Nom      Pix  |
            Christe…   6  |
            """)
    }

    @Test("Un en-tête court quand la colonne est plus étroite que son titre")
    func titreCourt() {
        let colonnes = [ColonneTableau.texte("Nom", minimum: 6, maximum: 6),
                        ColonneTableau.nombre("Compétences", contenu: 2, titreCourt: "Comp.")]
        #expect(colonnes[1].largeur == .minimum(5) && colonnes[1].maximum == 11)
        #expect(dessin(colonnes, ["Zoé", "6"], largeur: 18) == """
            Nom    Compétences|
            Zoé              6|
            """)
        #expect(dessin(colonnes, ["Zoé", "6"], largeur: 14) == """
            Nom      Comp.|
            Zoé          6|
            """)
    }

    @Test("Un pourcentage de la rangée reste un pourcentage")
    func pourcentage() {
        let colonnes = [ColonneTableau(titre: "A", largeur: .pourcentage(50)), ColonneTableau(titre: "B", largeur: .reste)]
        #expect(Tableau.largeurs(colonnes, total: 21) == [10, 10])
    }
}
