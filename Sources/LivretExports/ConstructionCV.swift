import Foundation
import LivretCore

/// Builds a learner's ``CVNumerique`` from the record, as the learner chose.
public enum ConstructionCV {
    /// The CV numérique of one learner.
    ///
    /// Only what `choix` allows is copied; sex, year of birth, QPV residence, social status and the
    /// internal identifier are never read. Same input, same CV: `aujourdhui` replaces the clock.
    ///
    /// - Parameters:
    ///   - dossier: the learner's record (read by the store, `Base.dossier`).
    ///   - badges: the badges issued to the learner; revoked ones are left out.
    ///   - structure: the structure's name, shown as the author of the CV and the awarder of badges.
    ///   - catalogue: the référentiels, for labels.
    ///   - choix: what the learner decided to show.
    ///   - aujourdhui: the day the CV is made (dates "à renouveler" are counted from it).
    ///   - contact: how to reach the structure, printed with its name.
    ///   - site: the structure's site (« https://exemple.fr »), where its badges' verification pages
    ///     are (``CodeBadge/urlPage(id:site:)``); nil when it has none.
    public static func construire(dossier: DossierApprenant, badges: [BadgeEmis], structure: String, catalogue: Catalogue,
                                  choix: ChoixCV, aujourdhui: Jour, contact: ContactStructure? = nil, site: String? = nil) -> CVNumerique {
        let sections = choix.sections
        let badgesCV = sections.contains(.badges) ? badgesCV(badges, choix: choix, catalogue: catalogue, site: site) : nil
        return CVNumerique(
            titre: "Compétences numériques", structure: structure,
            contact: contact.flatMap { $0.estVide ? nil : $0 },
            urlSaisie: badgesCV?.isEmpty == false ? site.map(CodeBadge.urlSaisie(site:)) : nil,
            date: aujourdhui,
            identite: sections.contains(.identite) ? identite(dossier.apprenant, choix: choix) : nil,
            competences: sections.contains(.competences) ? competences(dossier.etats, catalogue: catalogue) : nil,
            pix: sections.contains(.pix) ? pix(dossier, catalogue: catalogue, aujourdhui: aujourdhui) : nil,
            parcours: sections.contains(.parcours) ? parcours(dossier.inscriptions, catalogue: catalogue) : nil,
            badges: badgesCV,
            choisiParLaPersonne: choix.choisiParLaPersonne ? true : nil)
    }

    static func identite(_ apprenant: Apprenant, choix: ChoixCV) -> CVNumerique.Identite? {
        guard !apprenant.efface else { return nil }
        func propre(_ texte: String?) -> String? {
            guard let texte = texte?.trimmingCharacters(in: .whitespacesAndNewlines), !texte.isEmpty else { return nil }
            return texte
        }
        let prenom = propre(apprenant.prenom), nom = propre(apprenant.nom), pseudonyme = propre(apprenant.pseudonyme)
        let nomAffiche: String? = switch choix.identite {
        case .prenom: pseudonyme ?? prenom
        case .complete: [prenom, nom].compactMap { $0 }.joined(separator: " ").nilSiVide ?? pseudonyme
        case .pseudonyme: pseudonyme
        case .aucune: nil
        }
        let email = choix.contact ? propre(apprenant.email) : nil
        let telephone = choix.contact ? propre(apprenant.telephone) : nil
        if nomAffiche == nil && email == nil && telephone == nil { return nil }
        return .init(nom: nomAffiche, email: email, telephone: telephone)
    }

    static func competences(_ etats: [EtatItem], catalogue: Catalogue) -> [CVNumerique.GroupeSavoirFaire] {
        var parCode: [String: EtatItem] = [:]
        for etat in etats where etat.referentiel == .aptic && etat.statut != .nonAborde {
            parCode[etat.code] = etat
        }
        var groupes: [CVNumerique.GroupeSavoirFaire] = []
        var vus: Set<String> = []
        // The nomenclature in use first (the adopted variant's tree: a moved item shows in its new
        // sous-thème), then the items only other loaded variants know, in their own order.
        var sousThemes = catalogue.aptic.sousThemes
        for variante in catalogue.variantes where variante.entete.code != catalogue.varianteAdoptee {
            if let (amende, _) = try? catalogue.aptic(variante: variante.entete.code) {
                for sousTheme in amende.sousThemes {
                    if let i = sousThemes.firstIndex(where: { $0.code == sousTheme.code }) {
                        let connus = Set(sousThemes[i].items.map(\.code))
                        sousThemes[i].items += sousTheme.items.filter { !connus.contains($0.code) }
                    } else {
                        sousThemes.append(sousTheme)
                    }
                }
            }
        }
        for sousTheme in sousThemes {
            let savoirFaire = sousTheme.items.compactMap { item -> CVNumerique.SavoirFaire? in
                guard let etat = parCode[item.code], !vus.contains(item.code) else { return nil }
                vus.insert(item.code)
                let niveau = etat.niveauPreuve ?? .declaratif
                return .init(code: item.code, libelle: item.libelleFacile ?? item.titre, statut: etat.statut.libelle,
                             preuve: niveau.libelleFacile, niveauPreuve: niveau)
            }
            if !savoirFaire.isEmpty {
                groupes.append(.init(code: sousTheme.code, titre: sousTheme.libelleCourant, reference: "APTIC \(sousTheme.code)",
                                     savoirFaire: savoirFaire))
            }
        }
        return groupes
    }

    static func pix(_ dossier: DossierApprenant, catalogue: Catalogue, aujourdhui: Jour) -> CVNumerique.Pix {
        let referentiel = catalogue.pix
        let profil = dossier.profilsPix.enumerated().filter { $0.element.partage }
            .max { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }?.element
        let niveaux: [CVNumerique.NiveauPix] = referentiel.competences.compactMap { competence in
            guard let niveau = profil?.niveaux[competence.code], niveau > 0 else { return nil }
            return .init(competence: competence.code, titre: competence.libelleCourant, reference: "Pix \(competence.code)",
                         domaine: referentiel.domaine(deCompetence: competence.code)?.titre ?? "",
                         niveau: niveau, libelle: "Niveau \(niveau) sur \(referentiel.niveaux.max)")
        }
        let validite = referentiel.certification.validiteIndicativeAnnees
        let certifications = dossier.certifications.enumerated()
            .filter { $0.element.statut == .validee }
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element)
            .map { certification -> CVNumerique.Certification in
                let palier = referentiel.certification.paliers.first { $0.palier == certification.palier }
                    ?? referentiel.palier(pourScore: certification.score)
                let aRenouveler = validite.map { aujourdhui > TexteFacile.ajout(annees: $0, a: certification.date) } ?? false
                var mention = "Obtenue le \(TexteFacile.date(certification.date))."
                if aRenouveler, let validite { mention += " Elle a plus de \(Accord.nombre(validite, "an")) : à renouveler." }
                let verification: String? = if let code = certification.code, !code.isEmpty {
                    "Code de vérification : \(code)"
                } else if let numero = certification.numero, !numero.isEmpty {
                    "Numéro Pix Certif : \(numero)"
                } else { nil }
                return .init(nom: "Certification Pix — \(palier?.libelle ?? "palier \(certification.palier)")",
                             date: certification.date, score: certification.score, scoreMax: referentiel.certification.scoreMax,
                             codeVerification: certification.code ?? certification.numero, numero: certification.numero,
                             aRenouveler: aRenouveler, mention: mention, verification: verification,
                             adresseVerification: certification.code?.isEmpty == false ? referentiel.certification.adresseVerification : nil)
            }
        return .init(dateProfil: niveaux.isEmpty ? nil : profil?.date, niveauMax: referentiel.niveaux.max,
                     niveaux: niveaux, certifications: certifications)
    }

    static func parcours(_ inscriptions: [DossierApprenant.InscriptionDetaillee], catalogue: Catalogue) -> [CVNumerique.Parcours] {
        inscriptions.filter { $0.statut == .termine }.map { inscription in
            let modele = catalogue.modeleParcours(inscription.modele)
            let titre = inscription.titre(catalogue: catalogue)
            let heures = Int(inscription.bilan.heuresSuivies.rounded())
            let fin = inscription.historique.last { $0.statut == .termine }?.date
            var phrase = "\(titre) : \(TexteFacile.heures(heures)) de formation"
            phrase += fin.map { ", terminé le \(TexteFacile.date($0))." } ?? ", terminé."
            return .init(code: inscription.parcours, titre: titre, porteur: modele?.porteur?.nom, heures: heures,
                         debut: inscription.debut, fin: fin, phrase: phrase)
        }
    }

    static func badgesCV(_ badges: [BadgeEmis], choix: ChoixCV, catalogue: Catalogue, site: String?) -> [CVNumerique.Badge] {
        badges.filter { $0.revoqueLe == nil }
            .filter { choix.montre(badgeDe: $0.reussite, id: $0.id) }
            .sorted { ($0.emisLe, $0.reussite, $0.id) < ($1.emisLe, $1.reussite, $1.id) }
            .map { badge in
                let reussite = CatalogueReussites.reussite(badge.reussite, catalogue: catalogue)
                return .init(reussite: badge.reussite, titre: reussite?.nom ?? badge.reussite, critere: reussite?.critere ?? "",
                             date: badge.emisLe, codeCourt: TexteFacile.codeCourt(badge.id),
                             fichierJWT: "badges/\(badge.reussite).jwt", fichierImage: "badges/\(badge.reussite).svg",
                             reference: reussite.flatMap(reference), urlVerification: site.map { CodeBadge.urlPage(id: badge.id, site: $0) })
            }
    }
}

extension ConstructionCV {
    /// « APTIC 2.1 » for a sous-thème badge: the code of its first alignment to the APTIC framework.
    static func reference(_ reussite: Reussite) -> String? {
        guard reussite.famille == .aptic, let alignement = reussite.alignements.first else { return nil }
        return "APTIC \(alignement.targetCode)"
    }
}

extension String {
    var nilSiVide: String? { isEmpty ? nil : self }
}
