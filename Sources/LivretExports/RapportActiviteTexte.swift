import Foundation
import LivretCore

extension RenduActivite {
    /// For the terminal and a plain e-mail, within 80 columns: the sections of ``RenduActivite``,
    /// tables aligned, shares drawn as bars of « █ ».
    public static func texte(_ b: BilanActivite) -> String {
        let s = b.seuil
        var t = "Bilan d’activité \(periode(b))\n"
        if s != nil { t += "s : secret statistique\n" }
        for a in b.avertissements { t += OutilsRapport.couper("⚠ " + a, largeur: 80, retrait: "  ") }

        t += "\nChiffres clés :\n"
        let chiffres = chiffresCles(b)
        if let p = b.precedent {
            t += OutilsRapport.couper("Période précédente : \(periode(du: p.du, au: p.au)).", largeur: 80, retrait: "  ", premier: "  ")
            t += OutilsRapport.rangee("", ["cette période", "période précédente"], largeur: 43, colonnes: [14, 20])
        }
        for c in chiffres {
            t += OutilsRapport.rangee(c.libelle, [c.texte] + (c.precedent.map { [$0.texte] } ?? []), largeur: 43, colonnes: [14, 20])
        }

        for (titre, activites) in [("Par type d’activité", b.parActivite), ("Par lieu", b.parLieu)] where !activites.isEmpty {
            t += "\n" + OutilsRapport.couper("\(titre) (h/pers. : heures par personne ; part : des personnes accompagnées) :", largeur: 80, retrait: "  ")
            let colonnes = [8, 9, 10, 8, 9]
            t += OutilsRapport.rangee("", ["heures", "passages", "personnes", "part", "h/pers."], largeur: 33, colonnes: colonnes)
            for l in activites { t += OutilsRapport.rangee(l.libelle, cases(l, seuil: s), largeur: 33, colonnes: colonnes) }
        }

        if !vide(b.histogramme) {
            t += barres("Heures passées par personne (nombre de personnes et part)", b.histogramme, seuil: s)
            t += barres("Assiduité (les mêmes personnes en trois groupes)", b.repartitionHeures, seuil: s)
        }
        for r in repartitions(b) where !vide(r.lignes) {
            t += barres(r.titre, r.lignes, seuil: s)
        }
        if !b.thematiques.isEmpty {
            t += barres("Thématiques (La Coop de la médiation numérique ; nombre d’accompagnements et part des accompagnements)",
                        b.thematiques, seuil: s)
        }
        if !b.thematiquesSeances.isEmpty {
            t += barres("Thématiques des séances (ce que les présents y ont montré ; nombre de séances et part des séances)",
                        b.thematiquesSeances, seuil: s)
        }
        if let satisfaction = b.satisfaction { t += RenduQualite.texte(satisfaction, seuil: s) }
        t += RenduQualite.texte(b.suivis, seuil: s)
        t += RenduQualite.texte(b.temoignages)
        return t
    }

    /// A title, then one row per category: label, count, share, and a bar as long as the share
    /// (narrower when labels are long, to stay within 80 columns).
    static func barres(_ titre: String, _ lignes: [LigneRepartition], seuil: Int?) -> String {
        var t = "\n" + OutilsRapport.couper(titre + " :", largeur: 80, retrait: "  ")
        let largeur = max(28, lignes.map(\.libelle.count).max() ?? 0) + 2
        let barre = max(8, min(20, 80 - 2 - largeur - 6 - 9 - 2))
        for l in lignes {
            var ligne = "  " + OutilsRapport.cadrer(l.libelle, largeur) + OutilsRapport.cadrer(l.nombre.texte(seuil: seuil), 6, droite: true)
            ligne += OutilsRapport.cadrer(l.part.texte(seuil: seuil), 9, droite: true) + "  " + OutilsRapport.barre(l.part, largeur: barre)
            t += ligne.replacingOccurrences(of: " +$", with: "", options: .regularExpression) + "\n"
        }
        return t
    }
}
