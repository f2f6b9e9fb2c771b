package io.laotie.catalog.web;

import io.laotie.catalog.CatalogSettings;
import io.laotie.catalog.Categories;
import io.laotie.catalog.Category;
import io.laotie.platform.Problem;
import io.laotie.platform.web.FormErrors;
import io.laotie.platform.web.Notices;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Objects;

/** Operators' catalog policy: the category tree and the source-direct threshold. */
@Controller
@RequestMapping("/operator/catalog")
class OperatorCatalogPages {

    private final Categories categories;
    private final CatalogSettings settings;
    private final Notices notices;

    OperatorCatalogPages(Categories categories, CatalogSettings settings, Notices notices) {
        this.categories = categories;
        this.settings = settings;
        this.notices = notices;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("categoryForm", new CategoryForm());
        model.addAttribute("thresholdForm", currentThreshold());
        return show(model);
    }

    @PostMapping("/categories")
    String addCategory(@Valid @ModelAttribute("categoryForm") CategoryForm form, BindingResult result, Model model,
                       RedirectAttributes next) {
        Long parent = form.getParentId();
        if (parent != null && categories.tree().stream().noneMatch(top -> top.id() == parent)) {
            result.rejectValue("parentId", "operator.catalog.parent.rule"); // the tree has two levels
        }
        if (!result.hasErrors()) {
            try {
                Category added = categories.add(form.getParentId(), Objects.requireNonNull(form.getName()),
                        Objects.requireNonNull(form.getNameEn()), form.isStandard());
                notices.success(next, "operator.catalog.category-added", added.name(), added.nameEn());
                return "redirect:/operator/catalog";
            } catch (Problem problem) {
                FormErrors.reject(result, problem);
            }
        }
        model.addAttribute("thresholdForm", currentThreshold());
        return show(model);
    }

    @PostMapping("/source-direct")
    String setThreshold(@Valid @ModelAttribute("thresholdForm") ThresholdForm form, BindingResult result, Model model,
                        RedirectAttributes next) {
        if (!result.hasErrors()) {
            try {
                var ratio = settings.setSourceDirectMaxMarkup(Objects.requireNonNull(form.getSourceDirectMaxMarkup()));
                notices.success(next, "operator.catalog.threshold-set", ratio.toPlainString());
                return "redirect:/operator/catalog";
            } catch (Problem problem) {
                FormErrors.reject(result, problem);
            }
        }
        model.addAttribute("categoryForm", new CategoryForm());
        return show(model);
    }

    private String show(Model model) {
        model.addAttribute("tree", categories.tree());
        model.addAttribute("threshold", settings.sourceDirectMaxMarkup());
        return "operator/catalog";
    }

    private ThresholdForm currentThreshold() {
        ThresholdForm form = new ThresholdForm();
        form.setSourceDirectMaxMarkup(settings.sourceDirectMaxMarkup());
        return form;
    }
}
