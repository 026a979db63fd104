import LivretCore
import LivretTerminal

/// Readiness of a cohort for the Pix certification: who is ready, close, to accompany, without
/// a shared profile; competences at the objective's level; what each person still needs.
public struct EcranCertification: EcranTUI {
    let cohorte: String
    var preparation: PreparationCohorte?
    var parcours = ""
    var defilement = Defilement()

    public init(cohorte: String) { self.cohorte = cohorte }

    public var titre: String { "Certification \(Accord.de(cohorte))" }
    public var chargement: Demande? { .certification(cohorte) }
    public var touches: [AideTouche] { [AideTouche("↑ ↓", "voir ce qu'il reste à travailler")] }

    public mutating func recevoir(_ reponse: Reponse) -> [Commande] {
        if case .certification(let preparation, let parcours) = reponse {
            self.preparation = preparation
            self.parcours = parcours
        }
        return []
    }

    public mutating func touche(_ touche: Touche, hauteur: Int) -> [Commande]? {
        let n = preparation?.apprenants.count ?? 0
        let h = max(1, hauteur - 7)
        switch touche {
        case _ where defilement.suivre(touche, nombre: n, hauteur: h): break
        default: return nil
        }
        return []
    }

    static func style(_ etat: PreparationCertification.Etat) -> Style {
        switch etat {
        case .prete: Styles.succes
        case .proche: Styles.enCours
        case .aAccompagner: Styles.erreur
        case .sansProfil: Styles.attenue
        }
    }

    static func style(_ etat: PreparationCleA.Etat) -> Style {
        switch etat {
        case .obtenu: Styles.succes
        case .badgeObtenu: Styles.enCours
        case .pasEncore: Styles.attenue
        }
    }

    public func dessiner(dans zone: Zone, tampon: inout Tampon) {
        guard let p = preparation else { return }
        let parties = zone.lignes([.fixe(2), .reste, .fixe(1), .fixe(4)])
        tampon.ecrireLigne([Segment(" Certification Pix — cohorte \(cohorte)", style: Styles.entete), Segment(parcours.isEmpty ? "" : " · \(parcours)")],
                      x: zone.x, y: parties[0].y, largeur: zone.largeur)
        tampon.ecrireParties([[Segment(" À présenter \(p.pretes.count)", style: Styles.succes)],
                              [Segment("proches \(p.proches.count)", style: Styles.enCours)],
                              [Segment("à accompagner \(p.aAccompagner.count)", style: Styles.erreur)],
                              [Segment("sans profil partagé \(p.sansProfil.count)", style: Styles.attenue)]],
                             x: zone.x, y: parties[0].y + 1, largeur: zone.largeur)
        var d = defilement
        d.ajuster(nombre: p.apprenants.count, hauteur: max(1, parties[1].hauteur - 1))
        func objectif(_ a: PreparationCertification) -> String {
            a.objectifCompetences.map { "\(a.competencesAuNiveau) (obj. \($0))" } ?? "\(a.competencesAuNiveau)"
        }
        func cibles(_ a: PreparationCertification) -> String { a.ciblesTotal == 0 ? "—" : "\(a.ciblesAtteintes)/\(a.ciblesTotal)" }
        func certifiable(_ a: PreparationCertification) -> String { a.dateProfil == nil ? "—" : (a.certifiable ? "oui" : "pas encore") }
        func largeur(_ texte: (PreparationCertification) -> String) -> Int { p.apprenants.map { Largeur.colonnes(texte($0)) }.max() ?? 0 }
        // Names get the room they need; on a narrow terminal the parcours targets go first.
        let colonnes: [ColonneTableau] = [
            .texte("Apprenant", minimum: 18, maximum: 30, contenu: largeur(\.nom)),
            .nombre("État", contenu: largeur(\.etat.libelle), alignement: .gauche),
            .nombre("Compétences", contenu: largeur(objectif)),
            .nombre("Cibles", contenu: largeur(cibles), priorite: 1),
            .nombre("Certifiable", contenu: largeur(certifiable), alignement: .gauche),
            .nombre("CléA", contenu: largeur(\.clea.etat.court), alignement: .gauche, priorite: 1),
        ]
        Tableau(colonnes: colonnes, nombre: p.apprenants.count, selection: d.selection, decalage: d.decalage) { i in
            let a = p.apprenants[i]
            return [[Segment(a.nom)], [Segment(a.etat.libelle, style: Self.style(a.etat))], [Segment(objectif(a))],
                    [Segment(cibles(a))], [Segment(certifiable(a))], [Segment(a.clea.etat.court, style: Self.style(a.clea.etat))]]
        }.rendre(dans: parties[1], tampon: &tampon)
        tampon.separateur(zone, y: parties[2].y, premier: d.decalage, visibles: max(1, parties[1].hauteur - 1), total: p.apprenants.count)
        guard p.apprenants.indices.contains(defilement.selection) else {
            tampon.ecrire(" Personne dans cette cohorte.", x: zone.x, y: parties[3].y, largeurMax: zone.largeur)
            return
        }
        let a = p.apprenants[defilement.selection]
        var lignes: [[Segment]] = [[Segment(a.nom, style: Styles.entete),
                                    Segment(a.dateProfil.map { " · profil du \($0.francais)" } ?? " · aucun profil Pix partagé")]]
        lignes += (a.besoins.isEmpty ? ["Rien de plus à travailler pour l'objectif."] : a.besoins).prefix(2).map { [Segment("• " + $0)] }
        lignes.append([Segment("CléA numérique : ", style: Styles.attenue), Segment(a.clea.phrase, style: Self.style(a.clea.etat))])
        Paragraphe(lignes: lignes).rendre(dans: parties[3].interieur(horizontal: 1), tampon: &tampon)
    }
}
