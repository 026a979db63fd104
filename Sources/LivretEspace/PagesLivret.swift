import LivretCore
import LivretExports

/// What the learner can see of her record: what she can do, her training, Pix, her badges. Short
/// sentences, one idea per line, the plain labels of the CV (one wording for the CV and the space).
enum PagesLivret {
    static func savoirFaire(_ vue: VueApprenant, structure: String, csrf: String) -> String {
        let groupes = vue.cv.competences ?? []
        var corps = ""
        if groupes.isEmpty {
            corps += "<p>Rien n'est encore noté.</p>\n<p>La formatrice note ce que vous savez faire pendant les séances.</p>\n"
        } else {
            corps += """
            <p>Voici ce que vous savez faire avec le numérique.</p>
            <p>\(Pictogramme.acquis.svg) <span class="acquis">Je sais faire</span> · \(Pictogramme.enCours.svg) <span class="encours">J'apprends</span></p>

            """
            for g in groupes {
                corps += "<h2>\(g.titre.html)</h2>\n<ul class=\"liste\">\n"
                for sf in g.savoirFaire {
                    let acquis = sf.statut == "acquis"
                    corps += "<li>\(acquis ? Pictogramme.acquis.svg : Pictogramme.enCours.svg)<span><span class=\"\(acquis ? "acquis" : "encours")\">"
                        + "\(acquis ? "Je sais faire" : "J'apprends")</span> : \(sf.libelle.html)"
                        + "<span class=\"comment\">\(sf.niveauPreuve.phrasePourLaPersonne(vue.dossier.apprenant.sexe).html)</span></span></li>\n"
                }
                corps += "</ul>\n"
            }
        }
        return Gabarit.page(titre: "Ce que je sais faire", picto: .savoirFaire, structure: structure, csrf: csrf, corps: corps)
    }

    static func parcours(_ vue: VueApprenant, structure: String, csrf: String) -> String {
        let inscriptions = vue.dossier.inscriptions
        var corps = ""
        if inscriptions.isEmpty { corps += "<p>Vous n'êtes \(vue.accord("inscrite", "inscrit")) à aucune formation.</p>\n" }
        for i in inscriptions.sorted(by: { $0.debut > $1.debut }) {
            let suivies = Int(i.bilan.heuresSuivies.rounded())
            let total = Int(i.bilan.heuresParcours.rounded())
            let presentes = i.presences.filter { $0.minutes > 0 }.count
            corps += """
            <div class="carte">
            <h2>\(Pictogramme.parcours.svg)<span>\(i.titre(catalogue: vue.catalogue).html)</span></h2>
            <p>Début : \(i.debut.francais).</p>
            <p>\(Self.statut(i.statut, vue).html)</p>
            <p>Vous avez suivi \(Accord.nombre(suivies, "heure")) sur \(total).</p>
            <div class="barre" aria-hidden="true"><span class="\(Style.classeBarre(total > 0 ? Double(suivies) / Double(total) : 0))"></span></div>
            <p>Vous êtes \(vue.accord("venue", "venu")) à \(Accord.nombre(presentes, "séance")).</p>
            </div>

            """
        }
        if let parcours = vue.cv.parcours, !parcours.isEmpty {
            corps += "<h2>Formations terminées</h2>\n<ul class=\"liste\">\n"
                + parcours.map { "<li>\(Pictogramme.acquis.svg)<span>\($0.phrase.html)</span></li>" }.joined(separator: "\n") + "\n</ul>\n"
        }
        return Gabarit.page(titre: "Ma formation", picto: .parcours, structure: structure, csrf: csrf, corps: corps)
    }

    static func statut(_ s: StatutInscription, _ vue: VueApprenant) -> String {
        switch s {
        case .inscrit: "Vous êtes \(vue.accord("inscrite", "inscrit")). La formation n'a pas commencé."
        case .enCours: "La formation est en cours."
        case .termine: "Vous avez terminé la formation. Bravo !"
        case .abandon: "Vous avez arrêté la formation."
        }
    }

    static func pix(_ vue: VueApprenant, structure: String, csrf: String) -> String {
        var corps = ""
        guard let pix = vue.cv.pix, !(pix.niveaux.isEmpty && pix.certifications.isEmpty) else {
            return Gabarit.page(titre: "Mes résultats Pix", picto: .pix, structure: structure, csrf: csrf, corps: """
            <p>Pas encore de résultat Pix.</p>
            <p>Pix est un site pour tester ce que l'on sait faire avec le numérique.</p>
            """)
        }
        if !pix.niveaux.isEmpty {
            corps += "<p>Pix donne un niveau de 1 à \(pix.niveauMax) pour chaque compétence.</p>\n"
            if let d = pix.dateProfil { corps += "<p>Résultats du \(d.francais).</p>\n" }
            corps += "<ul class=\"liste\">\n"
            for n in pix.niveaux {
                corps += "<li>\(Pictogramme.pix.svg)<span>\(n.titre.html)<span class=\"comment\">\(n.libelle.html)</span></span></li>\n"
            }
            corps += "</ul>\n"
        }
        if !pix.certifications.isEmpty {
            corps += "<h2>\(Pictogramme.acquis.svg)<span>Ma certification Pix</span></h2>\n<ul class=\"liste\">\n"
            for c in pix.certifications {
                corps += "<li>\(Pictogramme.badges.svg)<span>\(c.nom.html) : \(c.score) points sur \(c.scoreMax)."
                    + "<span class=\"comment\">\(c.mention.html)\(c.verification.map { " " + $0.html } ?? "")</span></span></li>\n"
            }
            corps += "</ul>\n"
        }
        return Gabarit.page(titre: "Mes résultats Pix", picto: .pix, structure: structure, csrf: csrf, corps: corps)
    }

    static func badges(_ vue: VueApprenant, structure: String, csrf: String) -> String {
        let badges = vue.cv.badges ?? []
        var corps = ""
        if badges.isEmpty {
            corps += "<p>Pas encore de badge.</p>\n<p>Un badge prouve ce que vous savez faire. La structure vous le donne.</p>\n"
        } else {
            corps += "<p>Un badge prouve ce que vous savez faire.</p>\n<p>Un employeur peut le vérifier.</p>\n<ul class=\"liste\">\n"
            for b in badges {
                corps += "<li>\(Pictogramme.badges.svg)<span><strong>\(b.titre.html)</strong>"
                    + "<span class=\"comment\">Reçu le \(b.date.francais). Code : \(b.codeCourt.html)</span></span></li>\n"
            }
            corps += "</ul>\n<p><a class=\"bouton\" href=\"/cv\">\(Pictogramme.cv.svg) Mettre mes badges dans mon CV</a></p>\n"
        }
        return Gabarit.page(titre: "Mes badges", picto: .badges, structure: structure, csrf: csrf, corps: corps)
    }
}
