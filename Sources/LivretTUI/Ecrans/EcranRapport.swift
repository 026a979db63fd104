import LivretCore
import LivretTerminal

/// Completion by sex (and, with `x`, by age band, QPV residence or status) for a cohort or the
/// whole structure, with bars; small counts are masked exactly as in `livret rapport`.
public struct EcranRapport: EcranTUI {
    let cohorte: String?
    var croisement = Croisement.aucun
    var rapport: Rapport?
    var defilement = Defilement()

    public init(cohorte: String?) { self.cohorte = cohorte }

    public var titre: String { cohorte.map { "Rapport \($0)" } ?? "Rapport de la structure" }
    public var chargement: Demande? { .rapport(cohorte: cohorte, croisement: croisement) }
    public var touches: [AideTouche] {
        [AideTouche("x", croisement == .aucun ? "croiser par âge, QPV, statut" : "croiser autrement"),
         AideTouche("e", "écrire en classeur (XLSX)"), AideTouche("c", "en CSV"), AideTouche("h", "en page web (HTML)"),
         AideTouche("a", "bilan d'activité de l'année (page web)"), AideTouche("o", "fichiers pour La Coop")]
    }

    public mutating func recevoir(_ reponse: Reponse) -> [Commande] {
        if case .rapport(let rapport) = reponse { self.rapport = rapport }
        return []
    }

    /// Report lines shown: every sex line, with its sub-categories when crossed, then the total.
    var lignes: [LigneRapport] {
        guard let rapport else { return [] }
        if croisement == .aucun { return rapport.totauxParSexe + [rapport.total] }
        var resultat: [LigneRapport] = []
        for total in rapport.totauxParSexe {
            resultat.append(total)
            resultat += rapport.lignes.filter { $0.sexe == total.sexe && $0.sousCategorie != nil }
        }
        return resultat + [rapport.total]
    }

    public mutating func touche(_ touche: Touche, hauteur: Int) -> [Commande]? {
        let n = lignes.count
        let h = max(1, hauteur - 6)
        switch touche {
        case .caractere("x"):
            let tous = Croisement.allCases
            croisement = tous[(tous.firstIndex(of: croisement)! + 1) % tous.count]
            defilement = Defilement()
            return [.demander(.rapport(cohorte: cohorte, croisement: croisement))]
        case .caractere("e"): return [.demander(.exporterRapport(cohorte: cohorte, croisement: croisement, format: .xlsx))]
        case .caractere("c"): return [.demander(.exporterRapport(cohorte: cohorte, croisement: croisement, format: .csv))]
        case .caractere("h"): return [.demander(.exporterRapport(cohorte: cohorte, croisement: croisement, format: .html))]
        case .caractere("a"): return [.demander(.exporterBilanActivite)]
        case .caractere("o"): return [.demander(.exporterCoop)]
        case .haut, .caractere("k"): defilement.deplacer(de: -1, nombre: n, hauteur: h)
        case .bas, .caractere("j"): defilement.deplacer(de: 1, nombre: n, hauteur: h)
        case .pageHaut: defilement.deplacer(de: -h, nombre: n, hauteur: h)
        case .pageBas: defilement.deplacer(de: h, nombre: n, hauteur: h)
        default: return nil
        }
        return []
    }

    public func dessiner(dans zone: Zone, tampon: inout Tampon) {
        guard let rapport else { return }
        let seuil = rapport.seuil
        let parties = zone.lignes([.fixe(1), .reste, .fixe(1), .fixe(3)])
        tampon.ecrireLigne([Segment(" Complétion par sexe — \(rapport.perimetre)", style: Styles.entete),
                       Segment(croisement == .aucun ? "" : " · croisé par \(croisement.libelle)")],
                      x: zone.x, y: parties[0].y, largeur: zone.largeur)
        let lignes = self.lignes
        var d = defilement
        d.ajuster(nombre: lignes.count, hauteur: max(1, parties[1].hauteur - 1))
        func nom(_ l: LigneRapport) -> String {
            l.sexe == nil ? "Ensemble" : (l.sousCategorie.map { "  " + $0 } ?? (l.sexe!.libelle.prefix(1).uppercased() + l.sexe!.libelle.dropFirst()))
        }
        func chiffres(_ valeur: (LigneRapport) -> String) -> Int { lignes.map { Largeur.colonnes(valeur($0)) }.max() ?? 0 }
        // Labels and counts are never cut; the completion bar takes what is left (the percentage
        // stays). On a narrow terminal the count of « terminés » goes first: the completion rate says it.
        let colonnes: [ColonneTableau] = [
            .texte("", minimum: 24, maximum: 24, contenu: chiffres(nom)),
            .nombre("Inscrits", contenu: chiffres { $0.inscrits.texte(seuil: seuil) }),
            .nombre("Terminés", contenu: chiffres { $0.termines.texte(seuil: seuil) }, priorite: 1),
            ColonneTableau(titre: "Complétion", largeur: .minimum(10), maximum: 17),
            .nombre("Abandons", contenu: chiffres { $0.abandons.texte(seuil: seuil) }),
            .nombre("Certifiés", contenu: chiffres { $0.certifies.texte(seuil: seuil) }),
        ]
        let barre = max(0, min(10, Tableau.largeurs(colonnes, total: parties[1].largeur)[3] - 6))
        Tableau(colonnes: colonnes, nombre: lignes.count, selection: nil, decalage: d.decalage) { i in
            let l = lignes[i]
            let nom = nom(l)
            let completion: [Segment] = if let taux = l.tauxCompletion.valeur {
                (barre >= 2 ? [Segment(Barre.symboles(valeur: taux, colonnes: barre), style: Styles.barre), Segment(" ")] : [])
                    + [Segment(Format.pourcentage(taux))]
            } else {
                [Segment(l.tauxCompletion.masque ? TauxPublie.texteMasque : "—", style: Styles.attenue)]
            }
            let style = l.sexe == nil || l.sousCategorie == nil ? Styles.entete : Style.normal
            return [[Segment(nom, style: style)], [Segment(l.inscrits.texte(seuil: seuil))], [Segment(l.termines.texte(seuil: seuil))],
                    completion, [Segment(l.abandons.texte(seuil: seuil))], [Segment(l.certifies.texte(seuil: seuil))]]
        }.rendre(dans: parties[1], tampon: &tampon)
        tampon.separateur(zone, y: parties[2].y, premier: d.decalage, visibles: max(1, parties[1].hauteur - 1), total: lignes.count)
        let e = rapport.ecart
        let ecart = e.calculable && e.points != nil
            ? "Écart femmes–hommes de complétion : \(Self.points(e.points!)) (IC 95 % \(Self.points(e.bas ?? 0)) à \(Self.points(e.haut ?? 0)))"
            : "Écart femmes–hommes : \(e.raison ?? "non calculable")"
        var masque = seuil.map { _ in "« s » : secret statistique" } ?? "Chiffres non masqués"
        if rapport.horsStatistiques > 0 {
            // Never silent: those who did not agree to be counted are said, in number only.
            masque += " · \(rapport.horsStatistiques) hors statistiques (sans accord)"
        }
        masque += "."
        Paragraphe(lignes: [[Segment(ecart)], [Segment(masque, style: Styles.attenue)]], retourALaLigne: true)
            .rendre(dans: parties[3].interieur(horizontal: 1), tampon: &tampon)
    }

    /// 12.34 → "+12,3 points".
    static func points(_ valeur: Double) -> String {
        let p = (valeur * 10).rounded() / 10
        let texte = String(abs(p)).replacingOccurrences(of: ".", with: ",")
        return (p > 0 ? "+" : (p < 0 ? "−" : "")) + texte + " points"
    }
}
