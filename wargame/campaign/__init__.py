"""The campaign file format: schema, built-in catalogue, loading and validation.

Imports nothing of the engine; everything else reads campaigns through here.
"""

from wargame.campaign.catalogue import MergedCatalogue, builtin_catalogue, merge_catalogue
from wargame.campaign.loader import LoadedCampaign, campaign_digest, load_campaign, parse_campaign
from wargame.campaign.schema import FORMAT_VERSION, Campaign, ThreatClass

__all__ = [
    "FORMAT_VERSION",
    "Campaign",
    "LoadedCampaign",
    "MergedCatalogue",
    "ThreatClass",
    "builtin_catalogue",
    "campaign_digest",
    "load_campaign",
    "merge_catalogue",
    "parse_campaign",
]
