"""Mạng lưới: the network library of shared models, each card's page, «Học tập, nhân rộng»."""
