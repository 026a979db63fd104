import LivretCore
import LivretStore

/// Readable French views of Pix imports and certification preparation.
enum AffichagePix {
    static func bilan(_ bilan: BilanImportPix) -> String {
        let genre = ExportPixOrga.Genre(rawValue: bilan.genre).map { "\($0.libelle) Pix Orga" } ?? "résultats de session Pix Certif"
        var l = ["Import de « \(bilan.fichier) » (\(genre)) :",
                 "  \(Accord.nombre(bilan.participants, "participant")), \(Accord.nombre(bilan.rapproches, "rapproché")) d'un apprenant"]
        /// A titled list of participants, shown only when there is someone in it.
        func section(_ personnes: [String], _ titre: String) {
            guard !personnes.isEmpty else { return }
            l.append(titre)
            l += personnes.map { "    \($0)" }
        }
        if bilan.genre == "pix_certif" {
            l.append("  \(Accord.nombre(bilan.certificationsAjoutees, "certification ajoutée", "certifications ajoutées"))"
                     + (bilan.certificationsDejaConnues > 0 ? ", \(Accord.nombre(bilan.certificationsDejaConnues, "déjà connue (laissée telle quelle)", "déjà connues (laissées telles quelles)"))" : ""))
        } else {
            l.append("  \(bilan.partages) \(Accord.forme(bilan.partages, "a partagé ses résultats", "ont partagé leurs résultats")), \(bilan.nonPartages) non (\(Accord.forme(bilan.nonPartages, "noté", "notés")) « non partagé », pas comme des zéros)")
            l.append("  \(Accord.nombre(bilan.instantanesAjoutes, "instantané Pix ajouté", "instantanés Pix ajoutés"))")
            if bilan.instantanesDejaConnus > 0 {
                l.append("  \(Accord.nombre(bilan.instantanesDejaConnus, "déjà importé", "déjà importés")) (même personne, même campagne, même jour) : "
                         + Accord.forme(bilan.instantanesDejaConnus, "laissé tel quel", "laissés tels quels"))
            }
        }
        section(bilan.crees, "  Apprenants créés (\(bilan.crees.count)) :")
        section(bilan.introuvables, "  Introuvables (\(bilan.introuvables.count)) — non importés ; ajoutez-les ou relancez avec --creer-apprenants :")
        section(bilan.sansAccord, "  Ni résultats envoyés dans Pix, ni accord pour le suivi de leurs compétences (\(bilan.sansAccord.count)) — rien d'eux "
                     + "n'est enregistré ; notez leur accord (portée « suivi ») puis importez le prochain export de la campagne :")
        section(bilan.refuses, "  Non créés (\(bilan.refuses.count)) — leur nom ne peut pas être enregistré tel quel ; ajoutez-les avec « livret apprenant ajouter » :")
        section(bilan.externesIgnores, "  Identifiant externe ignoré (\(bilan.externesIgnores.count)) — ni un identifiant Livret ni un e-mail ; rapprochés par le nom :")
        section(bilan.ambigus, "  Ambigus (\(bilan.ambigus.count)) — plusieurs apprenants possibles, non importés ; précisez l'identifiant externe dans Pix :")
        return l.joined(separator: "\n")
    }

    static func apprenant(_ p: PreparationCertification) -> String {
        var l = ["\(p.nom) — \(p.identifiant) : \(p.etat.libelle)"]
        if let date = p.dateProfil {
            l.append("  Profil Pix du \(date.francais)\(p.dateProfilPrecedent.map { " (précédent : \($0.francais))" } ?? "")")
        }
        l.append("  Certifiable : \(p.certifiable ? "oui" : "non, il manque \(Accord.nombre(p.manquePourCertifiable, "compétence")) au niveau 1")")
        if let objectif = p.objectifCompetences {
            l.append("  Objectif du parcours : \(Accord.nombre(objectif, "compétence")) — \(p.competencesAuNiveau) au niveau, \(p.ecartObjectif == 0 ? "atteint" : "il en manque \(p.ecartObjectif)")")
        }
        if p.ciblesTotal > 0 { l.append("  Cibles du parcours atteintes : \(p.ciblesAtteintes) sur \(p.ciblesTotal)") }
        l.append("  CléA numérique : \(p.clea.phrase)")
        l.append("")
        l.append(Tableau.texte(entetes: ["Compétence", "Niveau", "Visé", "Évolution"], lignes: p.competences.map { c in
            ["\(c.code) \(c.titre)", c.niveau.map(String.init) ?? "—", c.niveauVise.map(String.init) ?? "",
             c.evolution.map { $0 > 0 ? "+\($0)" : ($0 == 0 ? "=" : String($0)) } ?? ""]
        }))
        if !p.besoins.isEmpty {
            l.append("")
            l.append("À travailler :")
            l += p.besoins.map { "  - \($0)" }
        }
        return l.joined(separator: "\n")
    }

    static func cohorte(_ groupe: PreparationCohorte, cohorte: Cohorte, modele: ModeleParcours?) -> String {
        var l = ["Préparation à la certification Pix — cohorte \(cohorte.code) (\(cohorte.titre))"]
        if let objectif = modele?.objectifs.first(where: { $0.type == "certification" }) { l.append("Objectif : \(objectif.libelle)") }
        l.append("À présenter : \(groupe.pretes.count) · proches : \(groupe.proches.count) · à accompagner : \(groupe.aAccompagner.count) · sans profil : \(groupe.sansProfil.count)")
        let obtenus = groupe.apprenants.filter { $0.clea.etat == .obtenu }.count
        let badges = groupe.apprenants.filter { $0.clea.etat == .badgeObtenu }.count
        l.append("CléA numérique : \(Accord.nombre(obtenus, "obtenu")) · \(badges) \(Accord.forme(badges, "prêt", "prêts")) à passer la certification CléA (badge obtenu sur Pix Orga)")
        l.append("")
        l.append(Tableau.texte(entetes: ["Apprenant", "Nom", "État", "Certifiable", "Au niveau", "Cibles", "CléA", "À travailler"], lignes: groupe.apprenants.map { p in
            [p.identifiant, p.nom, p.etat.libelle, p.certifiable ? "oui" : "non", String(p.competencesAuNiveau),
             p.ciblesTotal > 0 ? "\(p.ciblesAtteintes)/\(p.ciblesTotal)" : "—", p.clea.etat.court, p.besoins.first ?? ""]
        }))
        return l.joined(separator: "\n")
    }
}
