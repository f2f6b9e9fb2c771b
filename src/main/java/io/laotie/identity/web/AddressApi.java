package io.laotie.identity.web;

import io.laotie.identity.Address;
import io.laotie.identity.AddressBook;
import io.laotie.identity.Caller;
import io.laotie.identity.NewAddress;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The caller's own address book. Nobody else's addresses are reachable from here. */
@RestController
@RequestMapping("/api/me/addresses")
class AddressApi {

    private final AddressBook addresses;

    AddressApi(AddressBook addresses) {
        this.addresses = addresses;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Address add(Caller caller, @Valid @RequestBody NewAddress address) {
        return addresses.add(caller.accountId(), address);
    }

    @GetMapping
    List<Address> list(Caller caller) {
        return addresses.list(caller.accountId());
    }

    @GetMapping("/{id}")
    Address get(Caller caller, @PathVariable long id) {
        return addresses.get(caller.accountId(), id);
    }

    @PostMapping("/{id}/default")
    Address makeDefault(Caller caller, @PathVariable long id) {
        return addresses.makeDefault(caller.accountId(), id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Caller caller, @PathVariable long id) {
        addresses.remove(caller.accountId(), id);
    }
}
