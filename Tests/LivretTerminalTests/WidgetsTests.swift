import LivretTerminal
import Testing

@Suite("Widgets")
struct WidgetsTests {
    @Test("Paragraphe : accents, caractère large, séquence combinante, troncature")
    func paragraphe() {
        let p = Paragraphe(lignes: [
            [Segment("Séance ", style: .gras), Segment("à jour")],
            [Segment("日本 e\u{301}t 😀")],
            [Segment("Présentiel en salle")],
        ])
        #expect(rendu(p, 12, 4) == """
            Séance à jo…|
            日本 e\u{301}t 😀  |
            Présentiel …|
                        |
            """)
    }

    @Test("Paragraphe depuis un texte, aligné à droite ; les lignes de trop sont laissées")
    func paragrapheTexte() {
        #expect(rendu(Paragraphe("Présent\nà jour\nen trop", alignement: .droite), 9, 2) == """
              Présent|
               à jour|
            """)
    }

    @Test("Paragraphe avec retour à la ligne aux espaces, mot trop long coupé")
    func retourALaLigne() {
        let p = Paragraphe("Présent à la séance de jeudi\nanticonstitutionnellement", retourALaLigne: true)
        #expect(rendu(p, 10, 7) == """
            Présent à |
            la séance |
            de jeudi  |
            anticonsti|
            tutionnell|
            ement     |
                      |
            """)
    }

    @Test("Cadre avec titre, contenu à l’intérieur")
    func cadre() {
        var t = Tampon(taille: Taille(largeur: 12, hauteur: 4))
        let cadre = Cadre(titre: "Séance")
        cadre.rendre(dans: t.zone, tampon: &t)
        Paragraphe("Présent 日").rendre(dans: cadre.interieur(t.zone), tampon: &t)
        #expect(grille(t) == """
            ┌ Séance ──┐|
            │Présent 日│|
            │          │|
            └──────────┘|
            """)
        #expect(t[2, 0].style.gras)
        #expect(rendu(Cadre(titre: "Présentiel du jeudi"), 12, 2) == """
            ┌ Présent… ┐|
            └──────────┘|
            """)
        #expect(rendu(Cadre(), 1, 1) == " |")
    }

    @Test("Barre à 0, ½, 1, fractions, bornée, avec libellé", arguments: [
        (0.0, "░░░░░░░░░░"), (0.5, "█████░░░░░"), (1.0, "██████████"),
        (0.33, "███▎░░░░░░"), (0.05, "▌░░░░░░░░░"), (0.99, "█████████▉"),
        (1.7, "██████████"), (-1.0, "░░░░░░░░░░"), (Double.nan, "░░░░░░░░░░"),
    ])
    func barre(valeur: Double, attendu: String) {
        #expect(rendu(Barre(valeur: valeur), 10, 1) == attendu + "|")
    }

    @Test("Barre avec libellé ; le libellé cède la place si la zone est trop étroite")
    func barreLibelle() {
        #expect(rendu(Barre(valeur: 0.45, libelle: "45 %"), 12, 1) == "███▏░░░ 45 %|")
        #expect(rendu(Barre(valeur: 0.5, libelle: "50 %"), 5, 1) == "██▌░░|")
    }

    @Test("Liste virtualisée : seules les lignes visibles sont demandées, sur un million")
    func listeVirtualisee() {
        let compteur = Compteur()
        let liste = Liste(nombre: 1_000_000, selection: 500_001, decalage: 500_000) { i in
            compteur.appels.append(i)
            return [Segment("Ligne \(i)")]
        }
        var t = Tampon(taille: Taille(largeur: 14, hauteur: 3))
        liste.rendre(dans: t.zone, tampon: &t)
        #expect(compteur.appels == [500_000, 500_001, 500_002])
        #expect(grille(t) == """
            Ligne 500000  |
            Ligne 500001  |
            Ligne 500002  |
            """)
        #expect(t[0, 1].style == .inverse && t[13, 1].style == .inverse)
        #expect(t[0, 0].style == .normal && t[0, 2].style == .normal)
    }

    @Test("Liste : troncature, fin de liste, sélection qui garde les couleurs de la ligne")
    func liste() {
        let noms = ["Amélie Poulain", "Zoé", "日本 Taro"]
        let liste = Liste(nombre: noms.count, selection: 1, decalage: 0) { i in
            [Segment(noms[i], style: Style(avantPlan: .vert))]
        }
        var t = Tampon(taille: Taille(largeur: 8, hauteur: 4))
        liste.rendre(dans: t.zone, tampon: &t)
        #expect(grille(t) == """
            Amélie …|
            Zoé     |
            日本 Ta…|
                    |
            """)
        #expect(t[0, 1].style == Style(avantPlan: .vert, inverse: true))
        #expect(t[7, 1].style == .inverse)
        var vide = Tampon(taille: Taille(largeur: 8, hauteur: 2))
        Liste(nombre: 0, selection: nil, decalage: 0) { _ in Issue.record("appel inutile"); return [] }
            .rendre(dans: vide.zone, tampon: &vide)
        #expect(vide == Tampon(taille: Taille(largeur: 8, hauteur: 2)))
    }

    @Test("Défilement : bornes, page, début et fin, liste vide")
    func defilement() {
        var d = Defilement()
        d.deplacer(de: -1, nombre: 100, hauteur: 5)
        #expect(d == Defilement(selection: 0, decalage: 0))
        d.deplacer(de: 5, nombre: 100, hauteur: 5)
        #expect(d == Defilement(selection: 5, decalage: 1))
        d.deplacer(de: -2, nombre: 100, hauteur: 5)
        #expect(d == Defilement(selection: 3, decalage: 1))
        d.fin(nombre: 100, hauteur: 5)
        #expect(d == Defilement(selection: 99, decalage: 95))
        d.deplacer(de: Int.max, nombre: 100, hauteur: 5)
        #expect(d == Defilement(selection: 99, decalage: 95))
        d.ajuster(nombre: 10, hauteur: 5)
        #expect(d == Defilement(selection: 9, decalage: 5))
        d.ajuster(nombre: 10, hauteur: 20)
        #expect(d == Defilement(selection: 9, decalage: 0))
        d.debut(nombre: 10, hauteur: 5)
        #expect(d == Defilement(selection: 0, decalage: 0))
        d.aller(a: 7, nombre: 0, hauteur: 5)
        #expect(d == Defilement(selection: 0, decalage: 0))
        d.deplacer(de: Int.min, nombre: 3, hauteur: 0)
        #expect(d == Defilement(selection: 0, decalage: 0))
    }

    @Test("Tableau : en-tête gras souligné, colonnes alignées, troncature, sélection, virtualisé")
    func tableau() {
        let lignes = [
            ["Amélie Poulain-Dupont", "Présent", "12,5"],
            ["日本 Taro", "Absente", "0"],
            ["Zoé", "Excusé", "3"],
        ]
        let compteur = Compteur()
        let tableau = Tableau(
            colonnes: [ColonneTableau(titre: "Nom", largeur: .reste),
                       ColonneTableau(titre: "Présence", largeur: .fixe(8)),
                       ColonneTableau(titre: "Heures", largeur: .fixe(6), alignement: .droite)],
            nombre: 1000, selection: 1, decalage: 0) { i in
                compteur.appels.append(i)
                return lignes[i % 3].map { [Segment($0)] }
            }
        var t = Tampon(taille: Taille(largeur: 30, hauteur: 4))
        tableau.rendre(dans: t.zone, tampon: &t)
        #expect(grille(t) == """
            Nom            Présence Heures|
            Amélie Poulai… Présent    12,5|
            日本 Taro      Absente       0|
            Zoé            Excusé        3|
            """)
        #expect(compteur.appels == [0, 1, 2])
        #expect(t[0, 0].style == Style(gras: true, souligne: true))
        #expect(t[14, 0].style == .normal)
        #expect((0..<30).allSatisfy { t[$0, 2].style.inverse })
        #expect(!t[0, 1].style.inverse && !t[0, 3].style.inverse)
        #expect(Tableau.lignesVisibles(hauteur: 4) == 3)
    }

    @Test("Onglets : l’onglet actif en vidéo inverse, troncature")
    func onglets() {
        var t = Tampon(taille: Taille(largeur: 30, hauteur: 1))
        Onglets(titres: ["Accueil", "Cohorte", "Séances"], actif: 1).rendre(dans: t.zone, tampon: &t)
        #expect(grille(t) == " Accueil │ Cohorte │ Séances  |")
        #expect((10...18).allSatisfy { t[$0, 0].style == .inverse })
        #expect(t[9, 0].style == .normal && t[19, 0].style == .normal)
        #expect(rendu(Onglets(titres: ["Accueil", "Cohorte", "Séances"], actif: 0), 20, 1) == " Accueil │ Cohorte …|")
    }

    @Test("Fenêtre centrée : efface sa zone, cadre et marges")
    func fenetre() {
        var t = Tampon(taille: Taille(largeur: 20, hauteur: 7))
        t.remplir(t.zone, style: .normal, symbole: ".")
        let fenetre = Fenetre(titre: "Aide", lignes: [[Segment("q  quitter")], [Segment("?  aide")]])
        #expect(fenetre.zone(dans: t.zone) == Zone(x: 3, y: 1, largeur: 14, hauteur: 4))
        fenetre.rendre(dans: t.zone, tampon: &t)
        #expect(grille(t) == """
            ....................|
            ...┌ Aide ──────┐...|
            ...│ q  quitter │...|
            ...│ ?  aide    │...|
            ...└────────────┘...|
            ....................|
            ....................|
            """)
        #expect(Fenetre(titre: "Aide", lignes: Array(repeating: [Segment("x")], count: 50)).zone(dans: t.zone).hauteur == 7)
    }
}
